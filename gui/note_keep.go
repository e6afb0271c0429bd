package gui

import "github.com/stillpoint/stillpoint/data"

// keepStored sets the field named field (a data field name, as in
// data.FieldProblem) of n back to its value in stored: an invalid field
// keeps its last stored value while the rest of the draft is saved.
func keepStored(n *data.Note, stored data.Note, field string) {
	switch field {
	case "ClientID":
		n.ClientID = stored.ClientID
	case "VisitDate":
		n.VisitDate = stored.VisitDate
	case "ServiceName":
		n.ServiceName = stored.ServiceName
	case "Kind":
		n.Kind = stored.Kind
	case "Pain":
		n.Pain = stored.Pain
	case "Minutes":
		n.Minutes = stored.Minutes
	case "Pressure":
		n.Pressure = stored.Pressure
	case "Frequency":
		n.Frequency = stored.Frequency
	case "Complaint":
		n.Complaint = stored.Complaint
	case "Changes":
		n.Changes = stored.Changes
	case "Goals":
		n.Goals = stored.Goals
	case "Posture":
		n.Posture = stored.Posture
	case "Palpation":
		n.Palpation = stored.Palpation
	case "RangeOfMotion":
		n.RangeOfMotion = stored.RangeOfMotion
	case "Tests":
		n.Tests = stored.Tests
	case "Response":
		n.Response = stored.Response
	case "Progress":
		n.Progress = stored.Progress
	case "NextFocus":
		n.NextFocus = stored.NextFocus
	case "HomeCare":
		n.HomeCare = stored.HomeCare
	case "Referrals":
		n.Referrals = stored.Referrals
	case "Techniques":
		n.Techniques = stored.Techniques
	case "Areas":
		n.Areas = stored.Areas
	case "Marks":
		n.Marks = stored.Marks
	}
}
