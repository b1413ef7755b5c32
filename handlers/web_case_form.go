package handlers

import (
	"slices"

	"petitions/store"
	"petitions/workflow"
)

// formInput is one event field as its form shows it, built from
// workflow.Fields: the template ("eventinput" in case.html) draws it by type.
type formInput struct {
	Name, ID, Label string
	Type            workflow.FieldType
	Required        bool
	Value, Error    string
	Checked         bool
	Choose          string // the label of a select's empty first option; none without
	Options         []formOption
	Hint, Warning   string
	Max             int    // a text's characters, a count's largest value
	Rows            int    // a long text's lines
	GroupStart      string // the heading of the fields this one opens
	GroupEnd        bool   // the last of its group
	group           string
}

type formOption struct {
	Value, Label string
	Selected     bool
}

// formChoices are what a case offers a form's choices: the unit's staff, the
// reasons of the event, the open duties (openDuties).
type formChoices struct {
	staff   []store.User
	reasons []workflow.ReasonCode
	duties  []string
	kind    workflow.Kind
}

// inputs builds the form's fields in the order of workflow.Fields.
func (f eventForm) inputs(lang string, ch formChoices) []formInput {
	t := func(key string) string { return translate(lang, key) }
	uses := workflow.EventFields(f.Event, ch.kind)
	var out []formInput
	for _, fd := range workflow.Fields {
		if !f.Has(fd.Name) {
			continue
		}
		required := slices.ContainsFunc(uses, func(u workflow.EventField) bool { return u.Name == fd.Name && u.Required })
		in := formInput{Name: fd.Name, ID: f.ID(fd.Name), Label: t(fd.Label), Type: fd.Type, Required: required,
			Value: f.Value(fd.Name), Error: f.Error(fd.Name), Checked: f.Checked(fd.Name), Max: fd.Max, Rows: 2}
		if !required && fd.Optional != "" {
			in.Label = t(fd.Optional)
		}
		if required {
			in.Rows, in.Choose = 5, t("field.choose")
		}
		in.Options = choicesOf(fd, ch, lang, in.Value)
		switch fd.Name {
		case "text":
			in.Hint, in.Rows = t("field.text.hint"), 6
		case "days":
			in.Hint, in.Max = f.Hint, f.DaysMax
		case "dialogue_on":
			in.Warning = f.Warning
		case "competent":
			in.Choose = t("field.competent.keep")
		}
		if fd.Group != "" && (len(out) == 0 || out[len(out)-1].group != fd.Group) {
			in.GroupStart = t(fd.Group)
		}
		in.group = fd.Group
		if n := len(out); n > 0 && out[n-1].group != "" && out[n-1].group != fd.Group {
			out[n-1].GroupEnd = true
		}
		out = append(out, in)
	}
	if n := len(out); n > 0 && out[n-1].group != "" {
		out[n-1].GroupEnd = true
	}
	return out
}

// choicesOf lists a choice's options, the one chosen marked.
func choicesOf(fd workflow.Field, ch formChoices, lang, chosen string) []formOption {
	var out []formOption
	add := func(value, label string) {
		out = append(out, formOption{Value: value, Label: label, Selected: value == chosen})
	}
	codes := func(xs []string) {
		for _, x := range xs {
			add(x, translate(lang, fd.Choices+x))
		}
	}
	switch fd.Name {
	case "assignee":
		for _, u := range ch.staff {
			add(u.Login, u.Name+" ("+translate(lang, "role."+string(u.Role))+")")
		}
	case "reason_code":
		for _, r := range localReasons(lang, ch.reasons) {
			add(r.Code, r.Label+" ("+r.Basis+")")
		}
	case "complexity":
		codes(asStrings(workflow.Complexities))
	case "outcome":
		codes(asStrings(workflow.OutcomesFor(ch.kind)))
	case "to", "clock":
		codes(ch.duties)
	case "channel":
		codes(disclosureChannels)
	case "competent":
		add("yes", translate(lang, "field.competent.yes"))
		add("no", translate(lang, "field.competent.no"))
	default:
		codes(fd.Codes)
	}
	return out
}

func asStrings[T ~string](xs []T) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = string(x)
	}
	return out
}
