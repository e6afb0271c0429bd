package data

import "time"

// clientTable describes the clients table: every column of a Client, once.
// It drives CreateClients, UpdateClient and getClient, and ClientFieldNames.
// The search keys (sort_key, name_key, search_key) are kept by indexClient
// and archived by SetClientArchived as well; the checklist and tags live in
// their own tables.
var clientTable = table[Client]{
	name:    "clients",
	key:     idColumn(func(c *Client) *int64 { return &c.ID }),
	autoKey: true,
	cols: []column[Client]{
		textColumn("first_name", "FirstName", func(c *Client) *string { return &c.FirstName }),
		textColumn("last_name", "LastName", func(c *Client) *string { return &c.LastName }),
		textColumn("preferred_name", "PreferredName", func(c *Client) *string { return &c.PreferredName }),
		textColumn("pronouns", "Pronouns", func(c *Client) *string { return &c.Pronouns }),
		dateColumn("birth_date", "BirthDate", func(c *Client) *Date { return &c.BirthDate }),
		textColumn("mobile_phone", "MobilePhone", func(c *Client) *string { return &c.MobilePhone }),
		textColumn("home_phone", "HomePhone", func(c *Client) *string { return &c.HomePhone }),
		textColumn("work_phone", "WorkPhone", func(c *Client) *string { return &c.WorkPhone }),
		textColumn("email", "Email", func(c *Client) *string { return &c.Email }),
		textColumn("street", "Street", func(c *Client) *string { return &c.Street }),
		textColumn("city", "City", func(c *Client) *string { return &c.City }),
		textColumn("region", "Region", func(c *Client) *string { return &c.Region }),
		textColumn("postal_code", "PostalCode", func(c *Client) *string { return &c.PostalCode }),
		textColumn("country", "Country", func(c *Client) *string { return &c.Country }),
		textColumn("emergency_name", "EmergencyName", func(c *Client) *string { return &c.EmergencyName }),
		textColumn("emergency_relationship", "EmergencyRelationship", func(c *Client) *string { return &c.EmergencyRelationship }),
		textColumn("emergency_phone", "EmergencyPhone", func(c *Client) *string { return &c.EmergencyPhone }),
		textColumn("referred_by", "ReferredBy", func(c *Client) *string { return &c.ReferredBy }),
		textColumn("physician", "Physician", func(c *Client) *string { return &c.Physician }),
		textColumn("physician_phone", "PhysicianPhone", func(c *Client) *string { return &c.PhysicianPhone }),
		textColumn("occupation", "Occupation", func(c *Client) *string { return &c.Occupation }),
		textColumn("condition_notes", "ConditionNotes", func(c *Client) *string { return &c.Health.ConditionNotes }),
		textColumn("medications", "Medications", func(c *Client) *string { return &c.Health.Medications }),
		textColumn("allergies", "Allergies", func(c *Client) *string { return &c.Health.Allergies }),
		textColumn("surgeries_injuries", "SurgeriesInjuries", func(c *Client) *string { return &c.Health.SurgeriesInjuries }),
		valueColumn("pregnant", "", func(c *Client) *bool { return &c.Health.Pregnant }),
		dateColumn("due_date", "DueDate", func(c *Client) *Date { return &c.Health.DueDate }),
		textColumn("alerts", "Alerts", func(c *Client) *string { return &c.Alerts }),
		textColumn("pressure", "Pressure", func(c *Client) *string { return (*string)(&c.Pressure) }),
		dateColumn("consent_date", "ConsentDate", func(c *Client) *Date { return &c.ConsentDate }),
		textColumn("notes", "Notes", func(c *Client) *string { return &c.Notes }),
		valueColumn("archived", "", func(c *Client) *bool { return &c.Archived }),
		createdColumn("created_at", func(c *Client) *time.Time { return &c.CreatedAt }),
		unixColumn("updated_at", func(c *Client) *time.Time { return &c.UpdatedAt }),
	},
}

// clientListFields are the fields Client.Validate reports on that are not
// columns of the clients table: the checklist and the tags.
var clientListFields = []string{"Conditions", "Tags"}
