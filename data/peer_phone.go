package data

// The peer phone list: residents who agreed that "other residents may call
// me" (Resident.PeerPhoneList), for reaching out between meetings. Opting
// out is the default; only those who agreed are listed.

import "fmt"

// PeerContact is one line of the peer phone list: what a resident agreed
// to share with the others, nothing more.
type PeerContact struct {
	Name     string // "María N.": preferred or first name, last initial
	Phone    string
	Pathways []string
}

// PeerPhoneList returns the active residents who agreed to be called by
// other residents and gave a phone number, by name.
func (s *Store) PeerPhoneList() ([]PeerContact, error) {
	rs, err := s.ActiveResidents()
	if err != nil {
		return nil, fmt.Errorf("peer phone list: %w", err)
	}
	var out []PeerContact
	for _, r := range rs {
		if r.PeerPhoneList && r.Phone != "" {
			out = append(out, PeerContact{Name: r.Short(), Phone: r.Phone, Pathways: r.Pathways})
		}
	}
	return out, nil
}
