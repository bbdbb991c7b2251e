package nlp

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/frictionhq/friction/transcript"
)

var benchLines = []string{
	"hi yeah so I got these earbuds about a month ago for the gym and they were great at first",
	"but now the charging case won't charge anymore, I plug it in and nothing happens, no light",
	"I've tried three different cables and the wall plug and my laptop as well",
	"is there anything I can do or do I need to send them back, this is the second time I'm calling",
	"okay thank you, that's really helpful, you've been brilliant",
}

// benchTranscript makes a transcript of about words words in turns turns.
func benchTranscript(turns, words int) *transcript.Transcript {
	t := &transcript.Transcript{ID: "b", Channel: transcript.Call, Agents: []transcript.Party{{ID: "a", Name: "Priya"}},
		Survey: &transcript.SurveyResponse{Type: transcript.CSAT, Score: 5, Comment: "Priya was a star"}}
	per := words / turns
	for i := 0; i < turns; i++ {
		sp := transcript.Customer
		if i%2 == 0 {
			sp = transcript.Agent
		}
		var ws []string
		for len(ws) < per {
			ws = append(ws, strings.Fields(benchLines[(i+len(ws))%len(benchLines)])...)
		}
		t.Turns = append(t.Turns, transcript.Turn{Speaker: sp, Text: strings.Join(ws[:per], " ")})
	}
	return t
}

func BenchmarkAnalyze300Words(b *testing.B) {
	a := analyzer(b)
	t := benchTranscript(12, 300)
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			a.Analyze(t)
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "transcripts/s")
}

func BenchmarkAnalyze20Turns(b *testing.B) {
	a := analyzer(b)
	t := benchTranscript(20, 400)
	lat := make([]time.Duration, 0, b.N)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		a.Analyze(t)
		lat = append(lat, time.Since(start))
	}
	b.StopTimer()
	if len(lat) >= 100 {
		sortDurations(lat)
		b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
	}
}

func sortDurations(d []time.Duration) {
	for i := 1; i < len(d); i++ {
		for j := i; j > 0 && d[j] < d[j-1]; j-- {
			d[j], d[j-1] = d[j-1], d[j]
		}
	}
}

func TestBenchTranscriptSize(t *testing.T) {
	if n := benchTranscript(12, 300).WordCount(); n < 280 || n > 320 {
		t.Errorf("bench transcript has %d words", n)
	}
	_ = fmt.Sprint()
}
