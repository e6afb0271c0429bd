package data

// ClientFieldNames lists every field name Client.Validate can report in a
// FieldProblem, so a form can prove it has a widget for each of them. It
// comes from the description of the clients table (clientTable) plus the
// checklist and tags, so a new column with a field name is listed here too.
func ClientFieldNames() []string {
	return append(clientTable.fieldNames(), clientListFields...)
}

// PracticeFieldNames lists every field name Practice.Validate can report.
// It comes from the description of the practice table (practiceTable).
func PracticeFieldNames() []string {
	return practiceTable.fieldNames()
}
