package data

import "strings"

// FieldError is a problem with one field of a form, worded for the person
// who can fix it.
type FieldError struct {
	Field string // the field's name as the form knows it, e.g. "Sobriety date"
	Msg   string
}

// ValidationError lists everything wrong with a record, field by field, so
// a form can show each message beside its field at once.
type ValidationError []FieldError

func (v ValidationError) Error() string {
	var parts []string
	for _, f := range v {
		parts = append(parts, f.Field+": "+f.Msg)
	}
	return strings.Join(parts, "; ")
}

// For returns the message for one field, or "".
func (v ValidationError) For(field string) string {
	for _, f := range v {
		if f.Field == field {
			return f.Msg
		}
	}
	return ""
}

// add appends a field error.
func (v *ValidationError) add(field, msg string) { *v = append(*v, FieldError{field, msg}) }

// Err returns v as an error, or nil when empty.
func (v ValidationError) Err() error {
	if len(v) == 0 {
		return nil
	}
	return v
}
