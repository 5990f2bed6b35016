package timeline_test

import (
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/event/seed"
	"github.com/accordline/accordline/timeline"
)

// abrahamAccords returns the timeline of the article Accordline started
// from: Kazakhstan joins the Abraham Accords, 6 November 2025.
func abrahamAccords() *timeline.Timeline {
	tl := timeline.New(seed.Title, "Kazakhstan joins the Abraham Accords")
	if err := tl.AddActors(seed.Actors()...); err != nil {
		panic(err)
	}
	if _, err := tl.Add(seed.Events()...); err != nil {
		panic(err)
	}
	return tl
}

// Actors are found by any of their names, in any language: here by the
// German name of Kazakhstan.
func ExampleTimeline_Select() {
	tl := abrahamAccords()
	for e := range tl.Select(timeline.WithActor("Kasachstan")) {
		fmt.Printf("%-19s %s\n", e.Date, e.Title)
	}
	// Output:
	// 1992                Israel and Kazakhstan establish diplomatic relations
	// 2025-11-06          Kazakhstan joins the Abraham Accords
	// 2025-11-06          C5+1 summit at the White House
	// 2025-11-06?         Kazakh government source calls the accession a natural and logical step
	// 2025-11-06T18:00:00-05:00[America/New_York]/2025-11-06T23:59:59-05:00[America/New_York] Dinner with the C5+1 leaders in the East Room
	// 2025-11-06T18:00:00-05:00[America/New_York]/2025-11-06T23:59:59-05:00[America/New_York] Trump announces that Kazakhstan joins the Abraham Accords
	// 2025-11-06/..       Signing ceremony for Kazakhstan's accession to the Abraham Accords
	// 2025-11-07/2026-05~ Herzog to visit Kazakhstan
}

// Each serves loops that read each event once and keep nothing of it, as
// writers do: it hands out one copy, reused, instead of a copy an event.
func ExampleTimeline_Each() {
	tl := abrahamAccords()
	quotes := 0
	for e := range tl.Each(timeline.WithActor("Trump")) {
		for _, s := range e.Sources {
			quotes += len(s.Quotes)
		}
	}
	fmt.Println(quotes, "quotes in the events involving Trump")
	// Output:
	// 10 quotes in the events involving Trump
}

// Shared suits loops that read events without changing them, and may
// keep them: here the events involving Kazakhstan by year, kept as
// pointers to the timeline's own events, which nothing copied.
func ExampleTimeline_Shared() {
	tl := abrahamAccords()
	byYear := map[int][]*event.Event{}
	for e := range tl.Shared(timeline.WithActor("Kasachstan")) {
		lo, _ := e.Date.Earliest()
		byYear[lo.Year()] = append(byYear[lo.Year()], e)
	}
	for _, year := range slices.Sorted(maps.Keys(byYear)) {
		evs := byYear[year]
		fmt.Printf("%d: %d events, first %q\n", year, len(evs), evs[0].Title)
	}
	// Output:
	// 1992: 1 events, first "Israel and Kazakhstan establish diplomatic relations"
	// 2025: 7 events, first "Kazakhstan joins the Abraham Accords"
}

// A Snapshot is read twice, here to count the events of each year and
// then list them, and answers the same both times: the event added in
// between is not in it.
func ExampleTimeline_Snapshot() {
	tl := abrahamAccords()
	s := tl.Snapshot(timeline.WithActor("Kasachstan"))
	_, err := tl.Add(event.Event{Kind: event.Statement, Title: "Kazakhstan thanks the United States", Status: event.Occurred,
		Date: event.OnDay(2025, 11, 7), Participants: []event.Participation{{Actor: seed.Kazakhstan, Role: event.Speaker}}})
	if err != nil {
		fmt.Println(err)
	}
	years := map[int]int{}
	for e := range s.Each() {
		lo, _ := e.Date.Earliest()
		years[lo.Year()]++
	}
	fmt.Printf("%d events (%d in 1992, %d in 2025); the timeline has %d now\n",
		s.Len(), years[1992], years[2025], tl.Count(timeline.WithActor("Kasachstan")))
	for e := range s.Each() {
		fmt.Println(e.Title)
	}
	// Output:
	// 8 events (1 in 1992, 7 in 2025); the timeline has 9 now
	// Israel and Kazakhstan establish diplomatic relations
	// Kazakhstan joins the Abraham Accords
	// C5+1 summit at the White House
	// Kazakh government source calls the accession a natural and logical step
	// Dinner with the C5+1 leaders in the East Room
	// Trump announces that Kazakhstan joins the Abraham Accords
	// Signing ceremony for Kazakhstan's accession to the Abraham Accords
	// Herzog to visit Kazakhstan
}

// EachActor serves loops over the actors that keep nothing of them, as
// Each does for events: here, the German names of the states, in the
// order of their IDs (KG, KZ, SY, …).
func ExampleTimeline_EachActor() {
	tl := abrahamAccords()
	for a := range tl.EachActor() {
		if de := a.Names["de"]; a.Type == event.State && de != "" && de != a.Name {
			fmt.Printf("%s: %s\n", a.Name, de)
		}
	}
	// Output:
	// Kyrgyzstan: Kirgisistan
	// Kazakhstan: Kasachstan
	// Syria: Syrien
	// Tajikistan: Tadschikistan
	// United States: Vereinigte Staaten
	// Uzbekistan: Usbekistan
}

// What Trump said and did about the Abraham Accords that has already
// happened: the instrument by its German name, the status, and Trump by
// his surname, as participant or quoted.
func ExampleAnd() {
	tl := abrahamAccords()
	q := timeline.And(
		timeline.WithInstrument("Abraham-Abkommen"),
		timeline.WithStatus(event.Occurred),
		timeline.WithActor("Trump"),
	)
	for e := range tl.Select(q) {
		fmt.Printf("%-12s %s (%s)\n", e.Kind, e.Title, e.DateText)
	}
	// Output:
	// phone-call   Trump, Netanyahu and Tokayev speak by phone (6 November 2025, before Trump's post that evening)
	// announcement Trump announces that Kazakhstan joins the Abraham Accords (Thursday evening, 6 November 2025)
	// statement    Trump: negotiations with many countries that want to join (after the post, Thursday evening)
}

// Within selects what certainly happened in November 2025. The ceremony
// announced for "soon" and the visit "in the coming months" may happen in
// November, but need not: they are not within it.
func ExampleWithin() {
	tl := abrahamAccords()
	november := timeline.Within(period(event.DayOf(2025, time.November, 1), event.DayOf(2025, time.November, 30)))
	fmt.Println("certainly in November 2025:", tl.Count(november))
	fmt.Println("signing ceremony:", tl.Count(timeline.And(november, timeline.WithKind(event.SigningCeremony))))
	fmt.Println("Herzog's visit:", tl.Count(timeline.And(november, timeline.WithActor("Herzog"))))
	// Within 1992, though "since 1992" lies in no month of it.
	fmt.Println(tl.Count(timeline.Within(event.InYear(1992))), tl.Count(timeline.Within(event.InMonth(1992, time.March))))
	// Output:
	// certainly in November 2025: 10
	// signing ceremony: 0
	// Herzog's visit: 0
	// 1 0
}

// Overlaps selects what may have happened in November 2025: besides what
// certainly did, the events whose dates are open or reach beyond it.
func ExampleOverlaps() {
	tl := abrahamAccords()
	from, to := event.DayOf(2025, time.November, 1), event.DayOf(2025, time.November, 30)
	fmt.Println("maybe in November 2025:", tl.Count(timeline.Overlaps(period(from, to))))
	for e := range tl.Select(timeline.And(timeline.Overlaps(period(from, to)), timeline.Not(timeline.Within(period(from, to))))) {
		fmt.Printf("%-19s %-21s %s\n", e.Date, e.DateText, e.Title)
	}
	// "Since 1992" may have been in March 1992.
	fmt.Println(tl.Count(timeline.Overlaps(period(event.DayOf(1992, time.March, 1), event.DayOf(1992, time.March, 31)))))
	// Output:
	// maybe in November 2025: 14
	// 2025-11-06/..       soon                  Signing ceremony for Kazakhstan's accession to the Abraham Accords
	// 2025-11-07/2026-05~ in the coming months  Herzog to visit Kazakhstan
	// 2025-11-07/..       in the near future    Security agreement between Israel and Syria
	// 2025-11-07/..       upcoming              Al-Sharaa to visit Washington
	// 1
}

// Grouped by day, the signing ceremony announced for "soon" comes right
// after the events of 6 November, and the visit "in the coming months"
// before what is open from 7 November on.
func ExampleTimeline_Group() {
	tl := abrahamAccords()
	for _, g := range tl.Group(timeline.Query{}, timeline.GroupByDay) {
		fmt.Println(g.Key)
		for _, e := range g.Events {
			fmt.Println("  ", e.Title)
		}
	}
	// Output:
	// 1992
	//    Israel and Kazakhstan establish diplomatic relations
	// 2025-11-06
	//    Kazakhstan joins the Abraham Accords
	//    Trump, Netanyahu and Tokayev speak by phone
	//    Tokayev visits the White House
	//    Witkoff talks with Dermer
	//    C5+1 summit at the White House
	//    Witkoff announces that another country will join the Abraham Accords
	//    Kazakh government source calls the accession a natural and logical step
	//    Dinner with the C5+1 leaders in the East Room
	//    Trump announces that Kazakhstan joins the Abraham Accords
	//    Trump: negotiations with many countries that want to join
	// 2025-11-06/..
	//    Signing ceremony for Kazakhstan's accession to the Abraham Accords
	// 2025-11-07/2026-05~
	//    Herzog to visit Kazakhstan
	// 2025-11-07/..
	//    Security agreement between Israel and Syria
	//    Al-Sharaa to visit Washington
}

// The treaty actions concerning the Abraham Accords: Kazakhstan's
// accession, then the signing ceremony that will make it official.
func ExampleTimeline_History() {
	tl := abrahamAccords()
	for e := range tl.History("Abraham-Abkommen") {
		fmt.Printf("%-16s %-9s %-13s %s\n", e.Kind, e.Status, e.Date, e.Titles["de"])
	}
	// Output:
	// treaty-accession announced 2025-11-06    Kasachstan tritt dem Abraham-Abkommen bei
	// signing-ceremony planned   2025-11-06/.. Unterzeichnungszeremonie für den Beitritt Kasachstans zum Abraham-Abkommen
}

// The accession links to nothing itself; four events link to it.
func ExampleTimeline_Related() {
	tl := abrahamAccords()
	accession, _ := tl.First(timeline.WithKind(event.TreatyAccession))
	fmt.Println(accession.Title)
	for _, r := range tl.Related(accession.ID) {
		fmt.Printf("  %-14s %s\n", r.Name(), r.Other.Title)
	}
	call, _ := tl.First(timeline.WithKind(event.PhoneCall))
	fmt.Println(call.Title)
	for _, r := range tl.Related(call.ID) {
		fmt.Printf("  %-14s %s\n", r.Name(), r.Other.Title)
	}
	// Output:
	// Kazakhstan joins the Abraham Accords
	//   announced-by   Witkoff announces that another country will join the Abraham Accords
	//   referred-to-by Kazakh government source calls the accession a natural and logical step
	//   announced-by   Trump announces that Kazakhstan joins the Abraham Accords
	//   referred-to-by Signing ceremony for Kazakhstan's accession to the Abraham Accords
	// Trump, Netanyahu and Tokayev speak by phone
	//   followed-by    Trump announces that Kazakhstan joins the Abraham Accords
}

// The history of Israel and Kazakhstan, where Netanyahu and Herzog count
// for Israel and Tokayev for Kazakhstan.
func ExampleTimeline_Bilateral() {
	tl := abrahamAccords()
	for e := range tl.Bilateral("Israel", "Kasachstan") {
		fmt.Printf("%-19s %s\n", e.Date, e.Title)
	}
	// Output:
	// 1992                Israel and Kazakhstan establish diplomatic relations
	// 2025-11-06          Trump, Netanyahu and Tokayev speak by phone
	// 2025-11-07/2026-05~ Herzog to visit Kazakhstan
}

// The longest time in which nothing of the article happened: from the end
// of 1992, the latest "since 1992" can mean, to the eve of the accession.
func ExampleTimeline_LongestGap() {
	tl := abrahamAccords()
	gap, ok := tl.LongestGap(timeline.Query{})
	fmt.Println(ok)
	fmt.Println(gap.From, "to", gap.To, "-", gap.Days(), "days")
	fmt.Println("after: ", gap.After.Title)
	fmt.Println("before:", gap.Before.Title)
	// Output:
	// true
	// 1993-01-01 to 2025-11-05 - 11997 days
	// after:  Israel and Kazakhstan establish diplomatic relations
	// before: Kazakhstan joins the Abraham Accords
}
