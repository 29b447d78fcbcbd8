package data

import "reflect"

// Sensitive fields. Records of incidents, corrective agreements and drug
// and alcohol tests carry details only a manager should read: those fields
// are tagged `sensitive:"true"`. Reports and any shared view call Redact
// (or the record's Redacted method) unless a manager ticked "include
// sensitive details" for that print; the kiosk never reads these records.

// Redact returns a copy of a struct with every field tagged
// `sensitive:"true"` set to its zero value.
func Redact[T any](v T) T {
	rv := reflect.ValueOf(&v).Elem()
	if rv.Kind() != reflect.Struct {
		return v
	}
	rt := rv.Type()
	for i := range rt.NumField() {
		if rt.Field(i).Tag.Get("sensitive") == "true" && rv.Field(i).CanSet() {
			rv.Field(i).SetZero()
		}
	}
	return v
}

// SensitiveFields names a record type's sensitive fields (by Go name), for
// a report or screen that explains what it leaves out.
func SensitiveFields[T any]() []string {
	var out []string
	rt := reflect.TypeFor[T]()
	for i := range rt.NumField() {
		if rt.Field(i).Tag.Get("sensitive") == "true" {
			out = append(out, rt.Field(i).Name)
		}
	}
	return out
}
