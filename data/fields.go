package data

// ClientFieldNames lists every field name Client.Validate can report in a
// FieldProblem, so a form can prove it has a widget for each of them.
func ClientFieldNames() []string {
	return []string{"FirstName", "LastName", "PreferredName", "Pronouns", "BirthDate",
		"MobilePhone", "HomePhone", "WorkPhone", "Email",
		"Street", "City", "Region", "PostalCode", "Country",
		"EmergencyName", "EmergencyRelationship", "EmergencyPhone",
		"ReferredBy", "Physician", "PhysicianPhone", "Occupation",
		"Conditions", "ConditionNotes", "Medications", "Allergies", "SurgeriesInjuries", "DueDate",
		"Alerts", "Pressure", "ConsentDate", "Notes", "Tags"}
}

// PracticeFieldNames lists every field name Practice.Validate can report.
func PracticeFieldNames() []string {
	return []string{"TherapistName", "Credentials", "RegistrationNumber", "BusinessName", "Address",
		"Phone", "Email", "Website", "TaxNumber", "TaxName", "TaxRate", "Currency", "TimeZone",
		"PaperSize", "Logo"}
}
