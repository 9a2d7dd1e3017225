package extract

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/actorgraph/actorgraph/schema"
)

// Date is a date expression found in a sentence, resolved as far as the
// text and the publication date allow.
type Date struct {
	Start, End int    // token indexes in the sentence, [Start, End)
	Raw        string // as written
	Value      string // YYYY, YYYY-MM or YYYY-MM-DD; "" when it cannot be resolved
}

var months = map[string]time.Month{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
	"may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
	"sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

var weekdays = map[string]time.Weekday{
	"monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday, "thursday": time.Thursday,
	"friday": time.Friday, "saturday": time.Saturday, "sunday": time.Sunday,
}

// dateNames are the keys of months and weekdays, as a word set: a bit
// test before the map lookups, at every capitalised word (TestDateNames).
var dateNames = setOf("january", "jan", "february", "feb", "march", "mar", "april", "apr",
	"may", "june", "jun", "july", "jul", "august", "aug", "september",
	"sep", "sept", "october", "oct", "november", "nov", "december", "dec",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

var (
	monthPreps = setOf("in", "since", "until", "late", "early", "mid")
	yearPreps  = setOf("in", "since", "until", "by", "of", "early", "late", "mid")
)

// FindDates finds the date expressions of a sentence: weekdays ("on
// Saturday"), months with or without day and year ("in January", "Jan. 8,
// 2020", "9 September", "late September"), years ("in 2011"), and "last
// week", "this month", "yesterday". Relative ones resolve against ref when
// it is not zero.
func FindDates(toks []Token, ref time.Time) []Date {
	var out []Date
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		if t.Kind == Word && t.Upper() && dateNames.has(t) {
			if wd, ok := weekdays[t.Key]; ok {
				d := Date{Start: i, End: i + 1}
				if !ref.IsZero() {
					back := (int(ref.Weekday()) - int(wd) + 7) % 7
					d.Value = ref.AddDate(0, 0, -back).Format("2006-01-02")
				}
				out = append(out, d)
				continue
			}
			if mo, ok := months[t.Key]; ok && !(t.Key == "may" || t.Key == "march") || ok && i+1 < len(toks) && (toks[i+1].Kind == Number || toks[i+1].Text == "," && i+2 < len(toks) && toks[i+2].Kind == Number) || ok && i > 0 && monthPreps.has(&toks[i-1]) {
				d := Date{Start: i, End: i + 1}
				j := i + 1
				if j < len(toks) && toks[j].Text == "." {
					j++
				}
				day, year := 0, 0
				if j < len(toks) && toks[j].Kind == Number && len(toks[j].Text) <= 2 {
					day, _ = strconv.Atoi(toks[j].Text)
					j++
					d.End = j
				}
				if j+1 < len(toks) && toks[j].Text == "," && isYear(toks[j+1].Text) || j < len(toks) && isYear(toks[j].Text) {
					if toks[j].Text == "," {
						j++
					}
					year, _ = strconv.Atoi(toks[j].Text)
					d.End = j + 1
				}
				// "9 September": a day before the month
				if day == 0 && i > 0 && toks[i-1].Kind == Number && len(toks[i-1].Text) <= 2 {
					day, _ = strconv.Atoi(toks[i-1].Text)
					d.Start = i - 1
				}
				if i > 0 && (toks[i-1].Key == "late" || toks[i-1].Key == "early" || toks[i-1].Key == "mid") && d.Start == i {
					d.Start = i - 1
				}
				if year == 0 && !ref.IsZero() {
					year = ref.Year()
					if mo > ref.Month() || mo == ref.Month() && day > ref.Day() {
						year-- // news reports the past
					}
				}
				switch {
				case year > 0 && day > 0:
					d.Value = fmt.Sprintf("%04d-%02d-%02d", year, int(mo), day)
				case year > 0:
					d.Value = fmt.Sprintf("%04d-%02d", year, int(mo))
				}
				out = append(out, d)
				i = d.End - 1
				continue
			}
		}
		if t.Kind == Number && isYear(t.Text) && i > 0 && yearPreps.has(&toks[i-1]) {
			out = append(out, Date{Start: i, End: i + 1, Value: t.Text})
			continue
		}
		if t.Key == "yesterday" || t.Key == "today" {
			d := Date{Start: i, End: i + 1}
			if !ref.IsZero() {
				off := 0
				if t.Key == "yesterday" {
					off = -1
				}
				d.Value = ref.AddDate(0, 0, off).Format("2006-01-02")
			}
			out = append(out, d)
			continue
		}
		if (t.Key == "last" || t.Key == "this") && i+1 < len(toks) && (toks[i+1].Key == "week" || toks[i+1].Key == "month" || toks[i+1].Key == "year") {
			d := Date{Start: i, End: i + 2}
			if !ref.IsZero() {
				r := ref
				if t.Key == "last" {
					switch toks[i+1].Key {
					case "week":
						r = r.AddDate(0, 0, -7)
					case "month":
						r = r.AddDate(0, -1, 0)
					case "year":
						r = r.AddDate(-1, 0, 0)
					}
				}
				switch toks[i+1].Key {
				case "week":
					d.Value = r.AddDate(0, 0, -int((r.Weekday()+6)%7)).Format("2006-01-02")
				case "month":
					d.Value = r.Format("2006-01")
				case "year":
					d.Value = r.Format("2006")
				}
			}
			out = append(out, d)
			i++
		}
	}
	return out
}

func isYear(s string) bool {
	if len(s) != 4 || !isNumber(s) {
		return false
	}
	y, _ := strconv.Atoi(s)
	return y >= 1900 && y <= 2100
}

// dateAndCounts sets the statement's date (the date expression nearest to
// the trigger in the sentence) and its casualty counts.
func (d *docState) dateAndCounts(st *sent, s *schema.Statement, trigger int) {
	if st.dates == nil {
		st.dates = FindDates(st.toks, d.doc.Published)
		if st.dates == nil {
			st.dates = []Date{}
		}
	}
	best, dist := -1, 1<<30
	for k, dt := range st.dates {
		dd := abs(dt.Start - trigger)
		if dd < dist {
			best, dist = k, dd
		}
	}
	if best >= 0 {
		dt := st.dates[best]
		s.DateRaw = d.doc.Text[st.toks[dt.Start].Start:st.toks[dt.End-1].End]
		s.Date = dt.Value
	}
	switch s.Predicate {
	case schema.Killed, schema.Wounded:
		if n, ok := st.countBefore(st.patientStart(trigger)); ok {
			if s.Predicate == schema.Killed {
				s.Killed = n
			} else {
				s.Wounded = n
			}
		}
	}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// patientStart returns where the counted patient of a casualty verb at i
// starts: the mention just before a passive verb, else the one after.
func (st *sent) patientStart(i int) int {
	for j := i - 1; j >= 0 && j >= i-8; j-- {
		if m := st.mentionAt(j); m != nil {
			return m.Start
		}
	}
	return i
}

var numberWords = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "dozen": 12, "dozens": 24, "hundreds": 200,
	"a dozen": 12, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
}

var countPrefixes = setOf("about", "some", "around", "over", "nearly", "almost", "roughly", "approximately", "at", "least", "more", "than", "members", "the", "military", "personnel")

// countBefore reads a count just before token i: "three U.S. soldiers",
// "about 2,500 troops", "over 160 members of".
func (st *sent) countBefore(i int) (int, bool) {
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		t := &st.toks[j]
		if t.Kind == Number {
			return parseCount(t.Text)
		}
		if n, ok := numberWords[t.Key]; ok && t.Key != "dozens" && t.Key != "hundreds" {
			return n, true
		}
		if t.Key == "of" || t.Kind == Word && t.Upper() && st.at[j] < 0 {
			continue
		}
		if !countPrefixes.has(t) {
			break
		}
	}
	return 0, false
}

func parseCount(s string) (int, bool) {
	n, err := strconv.Atoi(strings.ReplaceAll(s, ",", ""))
	return n, err == nil && n > 0
}
