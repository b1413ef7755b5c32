package workflow

import (
	"slices"
	"testing"
)

// The event-field table is the one place a field is declared: every use
// names a field of the table, every field is a field of Input, and a field
// no rule reads is kept in the record as given.
func TestEventFieldTable(t *testing.T) {
	for _, f := range Fields {
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("field %q: %v", f.Name, r)
				}
			}()
			var in Input
			in.field(f.Name)
		}()
		if f.Label == "" || f.Type == "" {
			t.Errorf("field %q has no label or no type", f.Name)
		}
		if f.Type.Textual() && f.Max == 0 {
			t.Errorf("text field %q has no length limit", f.Name)
		}
	}
	for e, uses := range eventFieldUses {
		if !slices.Contains(Events, e) {
			t.Errorf("uses of unknown event %q", e)
		}
		for _, u := range uses {
			if _, ok := FieldNamed(u.name); !ok {
				t.Errorf("%s uses %q, which is not in Fields", e, u.name)
			}
		}
	}
	// Kind-bound uses: the competence is a denunciation's (LTC 24(2)), the
	// verification's difference a complaint's (LKN 30).
	for _, tc := range []struct {
		e    Event
		k    Kind
		want []string
	}{
		{EvClassify, Denunciation, []string{"complexity", "remote_area", "competent", "domain", "note"}},
		{EvClassify, Complaint, []string{"complexity", "remote_area", "domain", "note"}},
		{EvClassify, Dialogue, []string{"complexity", "remote_area", "note"}},
		{EvTransfer, Complaint, []string{"target", "mode", "note"}},
		{EvVerify, Complaint, []string{"differs", "note"}},
		{EvVerify, Petition, []string{"note"}},
		{EvResolve, Petition, []string{"outcome", "summary"}},
		{EvResolve, Denunciation, []string{"outcome", "summary", "recover_money", "recover_land", "return_org_money",
			"return_org_land", "return_person_money", "return_person_land", "restored_orgs", "restored_persons",
			"sanction_persons", "sanction_officials", "referred_cases", "referred_persons", "referred_officials"}},
		{EvAccept, Complaint, []string{"note"}},
	} {
		var got []string
		for _, f := range EventFields(tc.e, tc.k) {
			got = append(got, f.Name)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("EventFields(%s, %s) = %v, want %v", tc.e, tc.k, got, tc.want)
		}
	}
}

func TestAFieldNoRuleReadsIsRecordedAsGiven(t *testing.T) {
	env := testEnv()
	c := reach(t, env, Denunciation, 0, InResolution)
	head := Actor{Login: "head", Role: RoleHead}
	in := Input{Event: EvNotify, On: c.LastEventOn, Recipient: "Trần Thị Bích"}
	_, rec, err := Apply(c, in, head, env)
	if err != nil {
		t.Fatal(err)
	}
	if rec.Payload["recipient"] != "Trần Thị Bích" {
		t.Errorf("payload %v: the recipient is not kept", rec.Payload)
	}
	// Not given, not recorded; and a field of another event is not recorded.
	in.Recipient, in.Minutes = "", "biên bản"
	if _, rec, err = Apply(c, in, head, env); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"recipient", "minutes"} {
		if _, ok := rec.Payload[k]; ok {
			t.Errorf("payload %v holds %q", rec.Payload, k)
		}
	}
}

func TestInputSetAndGiven(t *testing.T) {
	var in Input
	in.Set("attended", false)
	in.Set("days", 3)
	in.Set("duplicate_of", int64(7))
	in.SetText("complexity", "complex")
	for name, want := range map[string]any{"attended": false, "days": 3, "duplicate_of": int64(7), "complexity": "complex"} {
		if got, ok := in.Given(name); !ok || got != want {
			t.Errorf("Given(%q) = %v, %v; want %v", name, got, ok, want)
		}
	}
	if in.Attended == nil || *in.Attended || in.Complexity != Complex {
		t.Errorf("input %+v", in)
	}
	if _, ok := in.Given("note"); ok {
		t.Error("an empty note is given")
	}
}

// The results of a resolution are kept as given, and the report's "of whom
// officials" columns cannot exceed their totals (Biểu 01/KQGQ, 03/KQGQ).
func TestResolutionResults(t *testing.T) {
	env := testEnv()
	c := reach(t, env, Denunciation, 0, InResolution)
	head := Actor{Login: "head", Role: RoleHead}
	in := Input{Event: EvResolve, On: c.LastEventOn, Outcome: OutcomesFor(Denunciation)[0], Summary: "Kết luận",
		RecoverMoney: 125.5, RecoverLand: 300, SanctionPersons: 2, SanctionOfficials: 1, ReferredCases: 1, ReferredPersons: 1}
	_, rec, err := Apply(c, in, head, env)
	if err != nil {
		t.Fatal(err)
	}
	for k, want := range map[string]any{"recover_money": 125.5, "recover_land": 300.0, "sanction_persons": 2,
		"sanction_officials": 1, "referred_cases": 1, "referred_persons": 1} {
		if rec.Payload[k] != want {
			t.Errorf("payload[%s] = %v, want %v", k, rec.Payload[k], want)
		}
	}
	if _, ok := rec.Payload["return_org_money"]; ok {
		t.Error("a result not given is recorded")
	}
	for field, bad := range map[string]func(*Input){
		"sanction_officials": func(in *Input) { in.SanctionOfficials = 3 },
		"referred_officials": func(in *Input) { in.ReferredOfficials = 2 },
		"referred_cases":     func(in *Input) { in.ReferredCases = 0 },
	} {
		b := in
		bad(&b)
		if _, _, err := Apply(c, b, head, env); ErrorCode(err) != CodeInvalid || err.(*Error).Field != field {
			t.Errorf("%s: %v, want invalid naming the field", field, err)
		}
	}
}

// A choice with a fixed list (Field.Codes) refuses any other value, naming
// the field, and keeps a listed one in the record.
func TestFixedChoicesAreChecked(t *testing.T) {
	env := testEnv()
	c := drive(t, env, intake(Denunciation, 0, "2026-10-01"))
	_, _, err := Apply(c, Input{Event: EvClassify, On: date("2026-10-02"), Domain: "weather"}, head, env)
	if e, ok := err.(*Error); !ok || e.Field != "domain" {
		t.Errorf("domain %q: %v", "weather", err)
	}
	_, _, err = Apply(c, Input{Event: EvTransfer, On: date("2026-10-02"), Target: "UBND xã", Mode: "lost"}, head, env)
	if e, ok := err.(*Error); !ok || e.Field != "mode" {
		t.Errorf("mode %q: %v", "lost", err)
	}
	_, rec, err := Apply(c, Input{Event: EvClassify, On: date("2026-10-02"), Domain: DomainCorruption}, head, env)
	if err != nil || rec.Payload["domain"] != DomainCorruption {
		t.Errorf("classified as corruption: %v, %v", rec.Payload, err)
	}
}
