package data

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

// spoil sets every settable field under v to a value validation must
// refuse (over-long text, an impossible date, a negative number, bytes
// that are no image), walking into nested structs. A field of a kind it
// does not know fails the test, so a new kind of field gets a case here.
func spoil(t *testing.T, v reflect.Value, path string) {
	t.Helper()
	switch {
	case v.Type() == reflect.TypeOf(Date{}):
		v.Set(reflect.ValueOf(Date{2024, time.February, 30}))
	case v.Type() == reflect.TypeOf(time.Time{}):
		// Stamps are set by the Store, never validated.
	case v.Kind() == reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			spoil(t, v.Field(i), path+"."+v.Type().Field(i).Name)
		}
	case v.Kind() == reflect.String:
		v.SetString(strings.Repeat("x!", maxLong))
	case v.Kind() == reflect.Bool:
		v.SetBool(true)
	case v.Kind() == reflect.Int, v.Kind() == reflect.Int64:
		if path != ".ID" {
			v.SetInt(-1)
		}
	case v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.String:
		v.Set(reflect.ValueOf([]string{strings.Repeat("x", 41)}))
	case v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.Uint8:
		v.SetBytes([]byte("not an image"))
	default:
		t.Fatalf("field %s is a %s: teach spoil a bad value for it", path, v.Type())
	}
}

// reported returns the sorted, distinct field names of a validation error.
func reported(t *testing.T, err error) []string {
	t.Helper()
	var ve *ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("Validate = %v, want a ValidationError", err)
	}
	var out []string
	for _, p := range ve.Problems {
		out = append(out, p.Field)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// Every field Client.Validate reports is in ClientFieldNames (so a form can
// prove it has a widget for each) and every listed name can be reported.
func TestClientFieldNamesCoverValidate(t *testing.T) {
	var c Client
	spoil(t, reflect.ValueOf(&c).Elem(), "")
	got := reported(t, c.Validate(Date{2026, time.March, 2}))
	names := slices.Sorted(slices.Values(ClientFieldNames()))
	if !slices.Equal(got, names) {
		t.Errorf("Validate reports\n%v\nClientFieldNames lists\n%v", got, names)
	}
}

// The same for the practice profile and PracticeFieldNames.
func TestPracticeFieldNamesCoverValidate(t *testing.T) {
	var p Practice
	spoil(t, reflect.ValueOf(&p).Elem(), "")
	got := reported(t, p.Validate())
	names := slices.Sorted(slices.Values(PracticeFieldNames()))
	if !slices.Equal(got, names) {
		t.Errorf("Validate reports\n%v\nPracticeFieldNames lists\n%v", got, names)
	}
}

// A change to any field of the health history keeps a new version: the
// comparison covers every field, including ones added later (a field of a
// kind the test cannot change fails it).
func TestEveryHealthFieldMakesAVersion(t *testing.T) {
	ctx := context.Background()
	s := openWithClock(t, "UTC", fixed(time.Date(2026, 3, 2, 15, 0, 0, 0, time.UTC)))
	baseline := func() HealthHistory {
		return HealthHistory{Pregnant: true, DueDate: Date{2026, time.June, 1}, Medications: "None",
			Conditions: []string{"arthritis"}}
	}
	c := mustCreate(t, s, &Client{FirstName: "Hana", LastName: "Sato", Health: baseline()})
	typ := reflect.TypeOf(HealthHistory{})
	for i := 0; i < typ.NumField(); i++ {
		name := typ.Field(i).Name
		t.Run(name, func(t *testing.T) {
			c.Health = baseline()
			if err := s.UpdateClient(ctx, c); err != nil {
				t.Fatal(err)
			}
			before, err := s.HealthVersions(ctx, c.ID)
			if err != nil {
				t.Fatal(err)
			}
			f := reflect.ValueOf(&c.Health).Elem().Field(i)
			switch {
			case f.Type() == reflect.TypeOf(Date{}):
				f.Set(reflect.ValueOf(f.Interface().(Date).addDays(7)))
			case f.Kind() == reflect.String:
				f.SetString(f.String() + " (changed)")
			case f.Kind() == reflect.Bool:
				f.SetBool(!f.Bool())
			case f.Kind() == reflect.Slice && f.Type().Elem().Kind() == reflect.String:
				f.Set(reflect.ValueOf(append(slices.Clone(c.Health.Conditions), "diabetes")))
			default:
				t.Fatalf("HealthHistory.%s is a %s: teach this test to change it", name, f.Type())
			}
			if err := s.UpdateClient(ctx, c); err != nil {
				t.Fatal(err)
			}
			after, err := s.HealthVersions(ctx, c.ID)
			if err != nil {
				t.Fatal(err)
			}
			if len(after) != len(before)+1 {
				t.Errorf("changing %s kept no new version (%d, then %d)", name, len(before), len(after))
			}
			// Saving again unchanged keeps none.
			if err := s.UpdateClient(ctx, c); err != nil {
				t.Fatal(err)
			}
			if again, _ := s.HealthVersions(ctx, c.ID); len(again) != len(after) {
				t.Errorf("an unchanged save after %s kept a version", name)
			}
		})
	}
}
