package workflow

import (
	"fmt"
	"reflect"
	"strings"
)

// inputFields finds an Input field by its JSON name, once.
var inputFields = func() map[string][]int {
	out := map[string][]int{}
	for _, f := range reflect.VisibleFields(reflect.TypeFor[Input]()) {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name != "" && name != "-" {
			out[name] = f.Index
		}
	}
	return out
}()

func (in *Input) field(name string) reflect.Value {
	i, ok := inputFields[name]
	if !ok {
		panic(fmt.Sprintf("workflow: Input has no field %q", name)) // a table names a field Input lacks
	}
	return reflect.ValueOf(in).Elem().FieldByIndex(i)
}

// Given is the field's value as a record keeps it (a tri-state's yes or
// no, a choice's code), and whether it was given at all.
func (in Input) Given(name string) (any, bool) {
	v := in.field(name)
	if v.IsZero() {
		return nil, false
	}
	if v.Kind() == reflect.Pointer {
		v = v.Elem()
	}
	if v.Kind() == reflect.String {
		return v.String(), true
	}
	return v.Interface(), true
}

// TextOf is a text or choice field's value.
func (in Input) TextOf(name string) string { return in.field(name).String() }

// SetText sets a text or choice field.
func (in *Input) SetText(name, s string) { in.field(name).SetString(s) }

// Set sets a field from a value of its own type, or from a string for a
// text or choice, a bool for a tri-state (FieldType says which).
func (in *Input) Set(name string, x any) {
	v, val := in.field(name), reflect.ValueOf(x)
	if v.Kind() == reflect.Pointer {
		p := reflect.New(v.Type().Elem())
		p.Elem().Set(val.Convert(v.Type().Elem()))
		v.Set(p)
		return
	}
	v.Set(val.Convert(v.Type()))
}
