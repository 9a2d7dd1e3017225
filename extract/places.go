package extract

import (
	"strings"

	"github.com/actorgraph/actorgraph/schema"
)

var (
	placeHeads        = setOf("base", "town", "city", "village", "district", "province", "outpost", "garrison", "airport", "port", "camp", "region", "facility", "site", "area", "compound")
	settlementNouns   = setOf("capital", "city", "town", "port", "province", "region", "village", "district", "governorate")
	sitePlurals       = setOf("facilities", "sites", "bases", "plants", "installations", "airports", "ports", "fields", "oilfields", "camps")
	settlementPlurals = setOf("cities", "towns", "ports", "provinces", "regions", "villages", "districts", "governorates")
	capitalWords      = setOf("capital", "seat", "largest", "main")
)

// places finds locatedIn relations: "Naples, Italy", "the Green Zone in
// Baghdad", "Erbil, in the Kurdistan region", "Baghdad's Green Zone", and
// names that contain their place ("US Embassy in Baghdad").
func (st *sent) places() {
	toks := st.toks
	for k, m := range st.ms {
		if m.Type != schema.Location && m.Type != schema.Facility {
			continue
		}
		// A name that contains its place: "US Embassy in Baghdad", "Naples, Italy".
		if m.End-m.Start > 1 && st.hasPlaceLink(m) {
			st.nameContainsPlace(m)
		}
		if k+1 >= len(st.ms) {
			continue
		}
		n := st.ms[k+1]
		if n.Type != schema.Location && n.Type != schema.Country || n.Kind == DemonymMention {
			continue
		}
		between := toks[m.End:n.Start]
		var words []string
		for _, t := range between {
			if t.Text == "'" || t.Text == "’" || t.Text == "\"" {
				continue
			}
			words = append(words, t.Key)
		}
		// "the Hamrin mountain range in", "Harir base, located in": the
		// place's own head noun and a participle before the preposition
		h := 0
		for h < len(words) && h < 3 && geoHeads.hasKey(words[h]) {
			h++
		}
		if h < len(words) && words[h] == "," && h+1 < len(words) && locatedWords.hasKey(words[h+1]) {
			h += 2
		} else if h < len(words) && locatedWords.hasKey(words[h]) {
			h++
		}
		if h > 0 && h < len(words) && words[h] == "in" {
			words = words[h:]
		}
		rule := ""
		switch {
		case len(words) == 1 && words[0] == ",":
			// "Naples, Italy" — but not a list "Jordan, Kuwait and Iraq".
			if k+2 < len(st.ms) {
				after := toks[n.End:min(n.End+2, len(toks))]
				if len(after) > 0 && (after[0].Key == "and" || after[0].Key == "or" || after[0].Text == "," && k+2 < len(st.ms) && st.ms[k+2].Start <= n.End+2) {
					continue
				}
			}
			if n.End < len(toks) && toks[n.End].Kind != Punct {
				continue // "the Green Zone, Washington has ...": a new clause
			}
			rule = "place-comma"
		case len(words) >= 1 && (words[0] == "in" || words[0] == "," && len(words) >= 2 && words[1] == "in"):
			ok := true
			for _, w := range words[1:] {
				if w == "in" || w == "," || w == "-" {
					continue
				}
				if !determiners.hasKey(w) && !placeAdjectives.hasKey(w) {
					ok = false
				}
			}
			if !ok {
				continue
			}
			rule = "place-in"
		default:
			continue
		}
		if rule == "place-in" && st.possessive(n.End) {
			// "in Baghdad's fortified Green Zone": the place possessed
			q := n.End + 1
			for q < len(toks) && q < n.End+3 && st.at[q] < 0 && toks[q].Kind == Word && !toks[q].Upper() {
				q++
			}
			if c := st.mentionAt(q); c != nil && c.Start == q && c.Type.IsPlace() {
				n = c
			}
		}
		if m.ID == n.ID || st.d.x.within(n.ID, m.ID, 6) {
			// "Iraq, Baghdad": the gazetteer puts the second inside the first
			continue
		}
		st.emit(m.ID, schema.LocatedIn, n.ID, schema.Asserted, rule, m.End)
		if rule == "place-in" {
			// "Jurf al-Nasr and al-Musayyib in Babil province": the list's
			// other places are there too
			for _, g := range st.group(k) {
				if g != m && g.End <= m.Start && st.plainList(g.End, m.Start) && !nearPreps.hasKey(st.prepBefore(g)) && (g.Type == schema.Location || g.Type == schema.Facility) && g.ID != n.ID && !st.d.x.within(n.ID, g.ID, 6) {
					st.emit(g.ID, schema.LocatedIn, n.ID, schema.Asserted, "place-in-list", m.End)
				}
			}
		}
	}
	// "Tower 22, a logistics support base in northeast Jordan"
	for _, a := range st.ms {
		if a.Type != schema.Location && a.Type != schema.Facility || a.End+3 >= len(toks) || toks[a.End].Text != "," || (toks[a.End+1].Key != "a" && toks[a.End+1].Key != "an" && toks[a.End+1].Key != "the") {
			continue
		}
		for q := a.End + 2; q < len(toks) && q < a.End+9; q++ {
			if toks[q].Text == "," || st.mk(q) >= 0 {
				break
			}
			if (toks[q].Key == "in" || toks[q].Key == "near" || toks[q].Key == "outside") && placeHeads.has(&toks[q-1]) {
				if toks[q].Key == "in" {
					if b := st.placeAfter(q + 1); b != nil && b.ID != a.ID {
						st.emit(a.ID, schema.LocatedIn, b.ID, schema.Asserted, "place-apposition", q)
					}
				}
				break
			}
		}
	}
	// "the Syrian capital Damascus", "the Iraqi city of Mosul", "the Iranian
	// holy city of Qom", "the northern Israeli towns of Nahariya and Safed"
	for _, a := range st.ms {
		if a.Kind != DemonymMention || a.Type != schema.Country || a.End+1 >= len(toks) {
			continue
		}
		q := a.End
		for q < len(toks) && q < a.End+2 && toks[q].Kind == Word && !toks[q].Upper() && st.at[q] < 0 &&
			!settlementNouns.has(&toks[q]) && !settlementPlurals.has(&toks[q]) && st.adjective(q) {
			q++ // "holy", "coastal"
		}
		if q >= len(toks) {
			continue
		}
		plural := settlementPlurals.has(&toks[q])
		if !plural && !settlementNouns.has(&toks[q]) {
			continue
		}
		q++
		if q < len(toks) && toks[q].Key == "of" {
			q++
		} else if plural {
			continue // "Iraqi cities": no names follow
		}
		b := st.mentionAt(q)
		if b == nil || b.Start != q || !b.Type.IsPlace() {
			continue
		}
		st.emit(b.ID, schema.LocatedIn, a.ID, schema.Asserted, "place-of-state", a.Start)
		for plural {
			// the list: "of A, B and C"
			j := b.End
			if j < len(toks) && toks[j].Text == "," {
				j++
			}
			if j < len(toks) && (toks[j].Key == "and" || toks[j].Key == "or") {
				j++
			}
			c := st.mentionAt(j)
			if j == b.End || c == nil || c.Start != j || !c.Type.IsPlace() {
				break
			}
			st.emit(c.ID, schema.LocatedIn, a.ID, schema.Asserted, "place-of-state", a.Start)
			b = c
		}
	}
	// "Basra, Iraq's second city": a place, then its state's settlement
	for k := 0; k+1 < len(st.ms); k++ {
		a, b := st.ms[k], st.ms[k+1]
		if !a.Type.IsPlace() || b.Type != schema.Country || b.Start != a.End+1 || toks[a.End].Text != "," || !st.possessive(b.End) {
			continue
		}
		q := b.End + 1
		for q < len(toks) && q < b.End+6 && (toks[q].Kind != Punct || toks[q].Text == "-" && !toks[q].Space) && !settlementNouns.has(&toks[q]) && st.at[q] < 0 && !toks[q].Upper() {
			q++ // "second", "second-largest", "oil-rich southern"
		}
		if q < len(toks) && settlementNouns.has(&toks[q]) && q+1 < len(toks) && (toks[q+1].Kind == Punct || toks[q+1].Key == "and") {
			st.emit(a.ID, schema.LocatedIn, b.ID, schema.Asserted, "place-of-state", q)
		}
	}
	// "Iran's nuclear facilities in Fordow, Natanz and Isfahan": each in the state
	for _, b := range st.ms {
		if b.Type != schema.Country || b.Kind == DemonymMention || !st.possessive(b.End) {
			continue
		}
		q := b.End + 1
		for q < len(toks) && q < b.End+4 && toks[q].Kind == Word && !toks[q].Upper() && st.at[q] < 0 && !sitePlurals.has(&toks[q]) && !settlementPlurals.has(&toks[q]) {
			q++ // "nuclear", "main military"
		}
		if q+1 >= len(toks) || !sitePlurals.has(&toks[q]) && !settlementPlurals.has(&toks[q]) || toks[q+1].Key != "in" && toks[q+1].Key != "at" {
			continue
		}
		k := st.mk(st.skipDet(q + 2))
		if k < 0 {
			continue
		}
		for _, c := range st.group(k) {
			if c.Type.IsPlace() && c.ID != b.ID {
				st.emit(c.ID, schema.LocatedIn, b.ID, schema.Asserted, "place-of-state", q)
			}
		}
	}
	// "Camp Victory, the sprawling U.S. base", "Al Udeid Air Base in Qatar,
	// the largest American military base": the state runs the facility
	for _, c := range st.ms {
		if c.Type != schema.Country || c.Start < 3 {
			continue
		}
		q := c.Start - 1
		for q > c.Start-3 && q > 0 && toks[q].Kind == Word && !toks[q].Upper() && st.at[q] < 0 && !determiners.has(&toks[q]) {
			q-- // "sprawling", "largest"
		}
		if !(toks[q].Key == "the" || toks[q].Key == "a" || toks[q].Key == "an") || q < 2 || toks[q-1].Text != "," {
			continue
		}
		e := c.End
		for e < len(toks) && e < c.End+2 && toks[e].Kind == Word && !toks[e].Upper() && st.at[e] < 0 && !baseNouns.has(&toks[e]) {
			e++ // "military"
		}
		if e >= len(toks) || !baseNouns.has(&toks[e]) || toks[e].Key == "embassy" || toks[e].Key == "consulate" {
			continue
		}
		f := st.mentionAt(q - 2)
		if f != nil && f.Type != schema.Facility && f.Start >= 2 && toks[f.Start-1].Key == "in" {
			f = st.mentionAt(f.Start - 2) // "Al Udeid Air Base in Qatar, the ..."
		}
		if f != nil && f.Type == schema.Facility {
			st.emit(f.ID, schema.OperatedBy, st.actorID(c), schema.Asserted, "facility-apposition", e)
		}
	}
	// "Erbil, the capital of Iraq's Kurdistan Region"
	for k := 0; k+1 < len(st.ms); k++ {
		a := st.ms[k]
		if a.Type != schema.Location {
			continue
		}
		j := a.End
		if j+3 < len(toks) && toks[j].Text == "," && toks[j+1].Key == "the" && capitalWords.has(&toks[j+2]) {
			q := j + 3
			for q < len(toks) && q < j+6 && toks[q].Key != "of" {
				q++
			}
			if b := st.mentionAt(st.skipDet(q + 1)); q < len(toks) && toks[q].Key == "of" && b != nil && (b.Type == schema.Location || b.Type == schema.Country) {
				if st.possessive(b.End) {
					if c := st.mentionAt(b.End + 1); c != nil && c.Type == schema.Location {
						b = c
					}
				}
				st.emit(a.ID, schema.LocatedIn, b.ID, schema.Asserted, "place-capital", j)
			}
		}
	}
	// "Mosul, its capital": the place named before
	for k, a := range st.ms {
		j := a.End
		if a.Type == schema.Location && j+2 < len(toks) && toks[j].Text == "," && toks[j+1].Key == "its" && (toks[j+2].Key == "capital" || toks[j+2].Key == "seat") {
			for q := k - 1; q >= 0; q-- {
				if b := st.ms[q]; b.Type == schema.Location || b.Type == schema.Country {
					st.emit(a.ID, schema.LocatedIn, b.ID, schema.Asserted, "place-capital", j)
					break
				}
			}
		}
	}
	// "the Syrian capital" naming Damascus: the demonym's state
	for _, a := range st.ms {
		if a.Type == schema.Location && a.End-a.Start == 2 && toks[a.End-1].Key == "capital" {
			if id := st.d.stateAt(toks, a.Start); id != "" && id != a.ID {
				st.emit(a.ID, schema.LocatedIn, id, schema.Asserted, "place-capital", a.Start)
			}
		}
	}
	// "Baghdad's Green Zone", "Duhok province's Amedi district"
	for k := 0; k+1 < len(st.ms); k++ {
		a, b := st.ms[k], st.ms[k+1]
		q := a.End
		for q < b.Start && geoHeads.has(&toks[q]) && !toks[q].Upper() {
			q++
		}
		r := q + 1
		for r < b.Start && regionAdjectives.has(&toks[r]) {
			r++ // "Syria's eastern province of Deir ez-Zor"
		}
		if (a.Type == schema.Location || a.Type == schema.Country) && (b.Type == schema.Location || b.Type == schema.Facility) &&
			b.Start == r && q < len(toks) && toks[q].Key == "s" && a.ID != b.ID {
			st.emit(b.ID, schema.LocatedIn, a.ID, schema.Asserted, "place-possessive", a.End)
		}
	}
}

var (
	geoHeads     = setOf("compound", "complex", "headquarters", "garrison", "outpost", "mountain", "mountains", "range", "district", "subdistrict", "area", "region", "valley", "desert", "plain", "plains", "governorate", "province", "town", "city", "village", "neighborhood", "neighbourhood", "base", "camp", "airport", "air", "dam", "lake", "river", "border", "crossing", "field", "oilfield")
	locatedWords = setOf("located", "situated", "based", "lying")
)

var placeAdjectives = setOf("compound", "complex", "headquarters", "facility", "base", "airport", "site", "western", "eastern", "northern", "southern", "central", "north", "south", "east", "west", "northwestern", "northeastern", "southwestern", "southeastern", "semi", "autonomous", "semi-autonomous", "restive", "neighboring", "neighbouring", "nearby", "capital", "city", "province", "of", "iraqi", "syrian", "kurdish", "volatile", "oil-rich", "oil", "rich", "desert", "border", "so", "called", "so-called")

// within reports whether the gazetteer places a inside b, following in= up
// to depth steps.
func (x *Extractor) within(a, b string, depth int) bool {
	if depth == 0 {
		return false
	}
	e, ok := x.gaz.Entry(a)
	if !ok {
		return false
	}
	for _, in := range e.Facts["in"] {
		if in == b || x.within(in, b, depth-1) {
			return true
		}
	}
	return false
}

func (st *sent) placeAfter(i int) *Mention {
	for q := i; q < len(st.toks) && q < i+4; q++ {
		if m := st.mentionAt(q); m != nil {
			if m.Type.IsPlace() || m.Type == schema.Country {
				return m
			}
			return nil
		}
	}
	return nil
}

// nameContainsPlace emits locatedIn for a place whose matched name spells
// out a place that contains it, as the gazetteer knows.
func (st *sent) nameContainsPlace(m *Mention) {
	text := " " + strings.ToLower(m.Text) + " "
	id := m.ID
	for depth := 0; depth < 4; depth++ {
		e, ok := st.d.x.gaz.Entry(id)
		if !ok || len(e.Facts["in"]) == 0 {
			return
		}
		id = e.Facts["in"][0]
		pe, ok := st.d.x.gaz.Entry(id)
		if !ok {
			return
		}
		for _, n := range append([]string{pe.Name}, pe.Aliases...) {
			n = strings.ToLower(n)
			if strings.Contains(text, " in "+n+" ") || strings.Contains(text, " in the "+n+" ") || strings.Contains(text, ", "+n+" ") ||
				strings.HasPrefix(text, " "+n+"'s ") || strings.HasPrefix(text, " "+n+"’s ") {
				st.d.entity(pe.ID, pe.Type, "")
				st.emit(m.ID, schema.LocatedIn, pe.ID, schema.Asserted, "name-place", m.Start)
				return
			}
		}
	}
}

// hasPlaceLink reports whether a multi-word name has the shape of a name
// with its place in it: "in", a comma or a possessive inside.
func (st *sent) hasPlaceLink(m *Mention) bool {
	for q := m.Start; q < m.End; q++ {
		if st.toks[q].Key == "in" || st.toks[q].Key == "," || st.possessive(q) {
			return true
		}
	}
	return false
}

// nearPreps put a place beside another, not in a list with it: "Victory
// base near Baghdad airport and the Ain al-Asad air base in Iraq".
var nearPreps = setOf("near", "outside", "around", "beside", "by")

// plainList reports whether toks[a:b] only joins the names of a list:
// commas, "and", "or", determiners and names ("Karbala, Najaf and"; not
// "Victory base near Baghdad airport and").
func (st *sent) plainList(a, b int) bool {
	for q := a; q < b; q++ {
		t := &st.toks[q]
		if st.at[q] < 0 && t.Text != "," && t.Key != "and" && t.Key != "or" && !determiners.has(t) {
			return false
		}
	}
	return true
}
