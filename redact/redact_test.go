package redact

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/frictionhq/friction/transcript"
)

func TestText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		// Cards.
		{"card contiguous", "my card is 4111111111111111 thanks", "my card is [CARD] thanks"},
		{"card spaces", "it's 4111 1111 1111 1111.", "it's [CARD]."},
		{"card dashes", "5555-5555-5555-4444 exp 12/27", "[CARD] exp 12/27"},
		{"card amex", "amex 3782 822463 10005 ok", "amex [CARD] ok"},
		{"card with cvv after", "4111 1111 1111 1111 123", "[CARD] 123"},
		{"card 19 digits", "6011000990139424009 hmm", "[CARD] hmm"},
		{"card glued to letters", "ref:X4111111111111111Y", "ref:X[CARD]Y"},
		{"ssn spoken with dashes", "um my social uh five two one dash four four dash seven eight eight three", "um my social uh [SSN]"},
		{"card spoken with hyphens", "four one one one hyphen one one one one hyphen one one one one hyphen one one one one", "[CARD]"},
		{"a dash between words is kept", "the dash cam and the dash board", "the dash cam and the dash board"},
		{"card spoken", "the number is four one one one one one one one one one one one one one one one",
			"the number is [CARD]"},
		{"card spoken oh and fillers", "it's five five five five, um, five five five five five five five five four four four four",
			"it's [CARD]"},
		{"card spoken double", "four double one one one one one one one one one one one one one one expires",
			"[CARD] expires"},
		{"card spoken triple and digits", "4111 one one one triple one one one one one one one", "[CARD]"},
		{"card spoken with interjection", "Oh, four one one one one one one one one one one one one one one one",
			"Oh, [CARD]"},
		{"card capitalised words", "Four One One One One One One One One One One One One One One One.", "[CARD]."},
		// SSNs.
		{"ssn dashes", "SSN 123-45-6789.", "SSN [SSN]."},
		{"ssn spaces", "it is 078 05 1121 i think", "it is [SSN] i think"},
		{"ssn with context", "my social security number is 123456789", "my social security number is [SSN]"},
		{"ssn spoken", "social is four one two, three four, five six seven eight", "social is [SSN]"},
		{"ssn spoken no context", "it's five one two, four five, six seven eight nine", "it's [SSN]"},
		// E-mail.
		{"email", "write to dana.ruiz+orders@example.co.uk.", "write to [EMAIL]."},
		{"email in angle brackets", "Dana <dana@mail.example.com>", "Dana <[EMAIL]>"},
		{"two emails", "a.b@x.io,c_d@y.org", "[EMAIL],[EMAIL]"},
		{"email with digits", "j.smith1985@gmail.com", "[EMAIL]"},
		// Phones.
		{"phone parens", "call (555) 123-4567 today", "call [PHONE] today"},
		{"phone dots", "555.123.4567", "[PHONE]"},
		{"phone spaces", "reach me on 555 123 4567", "reach me on [PHONE]"},
		{"phone +1", "+1 (555) 123-4567", "[PHONE]"},
		{"phone 1-800", "dial 1-800-555-0199 now", "dial [PHONE] now"},
		{"phone uk", "office +44 20 7946 0958.", "office [PHONE]."},
		{"phone france", "+33 1 23 45 67 89", "[PHONE]"},
		{"phone uk national", "ring 020 7946 0958", "ring [PHONE]"},
		{"phone uk mobile", "07700 900123", "[PHONE]"},
		{"phone bare 10", "my number is 5551234567", "my number is [PHONE]"},
		{"phone local with context", "call me at 555-0199", "call me at [PHONE]"},
		{"phone local spaced", "call me back at 555 0199", "call me back at [PHONE]"},
		{"stt card", "yeah my card number is four one one one one one one one one one one one one one one one expiration twelve twenty six",
			"yeah my card number is [CARD] expiration twelve twenty six"},
		{"stt spoken order", "the order number is one two three four five six seven eight nine oh",
			"the order number is one two three four five six seven eight nine oh"},
		{"phone spoken", "it's five five five, one two three, four five six seven", "it's [PHONE]"},
		{"phone spoken with oh", "call me on oh two oh seven nine four six oh nine five eight", "call me on [PHONE]"},
		{"phone spoken local", "phone is five five five oh one nine nine", "phone is [PHONE]"},
		// Everything together.
		{"mixed", "Card 4111-1111-1111-1111, email a@b.co, cell 555-123-4567, SSN 123-45-6789",
			"Card [CARD], email [EMAIL], cell [PHONE], SSN [SSN]"},
		{"placeholders stay", "[CARD] [SSN] [EMAIL] [PHONE]", "[CARD] [SSN] [EMAIL] [PHONE]"},
		// Numbers that only look similar.
		{"order number", "order A-99812 arrived", "order A-99812 arrived"},
		{"hash order", "order #123456789 please", "order #123456789 please"},
		{"bare 9 digits", "ticket 123456789", "ticket 123456789"},
		{"order 10 digits", "order number 5551234567", "order number 5551234567"},
		{"tracking with letters", "tracking 1Z999AA10123456784", "tracking 1Z999AA10123456784"},
		{"model number", "the EB-200 and KX-TG6842", "the EB-200 and KX-TG6842"},
		{"luhn fails", "4111 1111 1111 1112", "4111 1111 1111 1112"},
		{"luhn fails contiguous", "4111111111111112", "4111111111111112"},
		{"date iso", "on 2026-09-14 at 10:02", "on 2026-09-14 at 10:02"},
		{"date us", "on 09/14/2026", "on 09/14/2026"},
		{"date dots", "am 14.09.2026 um 10.30", "am 14.09.2026 um 10.30"},
		{"time", "between 10:30 and 11:45 am", "between 10:30 and 11:45 am"},
		{"price", "it cost $1,299.99 or £49.00", "it cost $1,299.99 or £49.00"},
		{"price big", "$1234567890 in revenue", "$1234567890 in revenue"},
		{"invalid ssn area", "000-12-3456 and 666-12-3456 and 912-34-5678", "000-12-3456 and 666-12-3456 and 912-34-5678"},
		{"invalid ssn group", "123-00-4567", "123-00-4567"},
		{"nine digits no context", "ref 123456789 ok", "ref 123456789 ok"},
		{"short spoken", "I have one question and two kids", "I have one question and two kids"},
		{"counting aloud", "count with me one two three four five six seven eight nine", "count with me one two three four five six seven eight nine"},
		{"list of numbers", "options 1, 2, 3, 4, 5, 6, 7 and 8", "options 1, 2, 3, 4, 5, 6, 7 and 8"},
		{"oh no", "oh no, oh dear", "oh no, oh dear"},
		{"spoken order", "order number one two three four five six seven eight nine", "order number one two three four five six seven eight nine"},
		{"year range", "from 2019 to 2026", "from 2019 to 2026"},
		{"not an email", "meet @ 5 or user@localhost or a@b.c", "meet @ 5 or user@localhost or a@b.c"},
		{"version", "firmware 1.2.3.4 build 20260914", "firmware 1.2.3.4 build 20260914"},
		{"percent", "99.9 percent of 1000 units", "99.9 percent of 1000 units"},
		{"zip plus four", "ZIP 94105-1234", "ZIP 94105-1234"},
		{"ip address", "from 203.0.113.7 and 192.168.100.200", "from 203.0.113.7 and 192.168.100.200"},
		{"long tracking", "tracking 9400111899223397628643", "tracking 9400111899223397628643"},
		{"local number without context", "room 555 0199", "room 555 0199"},
		{"empty", "", ""},
	}
	r := New(Config{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := r.Text(tt.in)
			if got != tt.want {
				t.Errorf("Text(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
			again, c := r.Text(got)
			if again != got || c.Total() != 0 {
				t.Errorf("Text is not idempotent on %q: got %q (%v)", got, again, c)
			}
		})
	}
}

func TestCounts(t *testing.T) {
	r := New(Config{})
	_, c := r.Text("4111111111111111 and 5555 5555 5555 4444, a@b.co, (555) 123-4567, 123-45-6789")
	want := Counts{Card: 2, SSN: 1, Email: 1, Phone: 1}
	if c != want {
		t.Errorf("got %+v, want %+v", c, want)
	}
	if got := c.Total(); got != 5 {
		t.Errorf("Total: got %d, want 5", got)
	}
	if got := c.String(); got != "card=2 ssn=1 email=1 phone=1" {
		t.Errorf("String: got %q", got)
	}
	if got := (Counts{}).String(); got != "none" {
		t.Errorf("String of zero: got %q, want none", got)
	}
}

func TestConfig(t *testing.T) {
	in := "4111111111111111 a@b.co (555) 123-4567 123-45-6789"
	tests := []struct {
		cfg  Config
		want string
	}{
		{Config{}, "[CARD] [EMAIL] [PHONE] [SSN]"},
		{Config{DisableCards: true}, "4111111111111111 [EMAIL] [PHONE] [SSN]"},
		{Config{DisableEmails: true}, "[CARD] a@b.co [PHONE] [SSN]"},
		{Config{DisablePhones: true}, "[CARD] [EMAIL] (555) 123-4567 [SSN]"},
		{Config{DisableSSNs: true}, "[CARD] [EMAIL] [PHONE] 123-45-6789"},
		{Config{DisableCards: true, DisableSSNs: true, DisableEmails: true, DisablePhones: true}, in},
	}
	for _, tt := range tests {
		got, _ := New(tt.cfg).Text(in)
		if got != tt.want {
			t.Errorf("%+v: got %q, want %q", tt.cfg, got, tt.want)
		}
	}
}

func TestTranscript(t *testing.T) {
	tr := &transcript.Transcript{
		ID:       "c-1",
		Customer: &transcript.Party{ID: "c-1042", Name: "Dana Ruiz"},
		Agents:   []transcript.Party{{Name: "Priya"}},
		Subject:  "Refund to 4111 1111 1111 1111",
		Turns: []transcript.Turn{
			{Speaker: transcript.Agent, Name: "Priya", Text: "Can I have your email?"},
			{Speaker: transcript.Customer, Text: "dana@example.com, or call 555-123-4567"},
		},
		Survey:   &transcript.SurveyResponse{Type: transcript.CSAT, Score: 5, Comment: "SSN 123-45-6789 lol"},
		Metadata: map[string]string{"callback": "+44 20 7946 0958", "sku": "EB-200"},
	}
	c := New(Config{}).Transcript(tr)
	if want := (Counts{Card: 1, SSN: 1, Email: 1, Phone: 2}); c != want {
		t.Errorf("counts: got %+v, want %+v", c, want)
	}
	checks := []struct{ got, want string }{
		{tr.Subject, "Refund to [CARD]"},
		{tr.Turns[0].Text, "Can I have your email?"},
		{tr.Turns[1].Text, "[EMAIL], or call [PHONE]"},
		{tr.Survey.Comment, "SSN [SSN] lol"},
		{tr.Metadata["callback"], "[PHONE]"},
		{tr.Metadata["sku"], "EB-200"},
		{tr.Customer.Name, "Dana Ruiz"},
		{tr.Turns[0].Name, "Priya"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

func TestInvalidUTF8(t *testing.T) {
	got, _ := New(Config{}).Text("bad \xff byte 4111111111111111")
	if !utf8.ValidString(got) || !strings.HasSuffix(got, "[CARD]") {
		t.Errorf("got %q", got)
	}
}

func TestLuhn(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want bool
	}{
		{"4111111111111111", true}, {"5555555555554444", true}, {"378282246310005", true},
		{"6011111111111117", true}, {"4111111111111112", false}, {"1234567812345678", false},
	} {
		if got := luhn(tt.in); got != tt.want {
			t.Errorf("luhn(%s): got %v, want %v", tt.in, got, tt.want)
		}
	}
}

// transcript300 is a realistic call of about 300 words with some personal data.
var transcript300 = strings.Repeat("thanks for calling acme support this is priya how can I help you today "+
	"hi um yeah my earbuds stopped charging after a week and I ordered them on 2026-09-14 order A-99812 ", 5) +
	"sure can I get the card number on file it's four one one one one one one one one one one one one one one one " +
	"and my email is dana.ruiz@example.com or call me at (555) 123-4567 " +
	strings.Repeat("okay I have processed a replacement it will ship in 3 to 5 business days for $49.99 ", 6)

func BenchmarkText300Words(b *testing.B) {
	r := New(Config{})
	b.SetBytes(int64(len(transcript300)))
	b.ReportAllocs()
	for b.Loop() {
		r.Text(transcript300)
	}
}

func BenchmarkTextClean300Words(b *testing.B) {
	r := New(Config{})
	clean := strings.Repeat("thanks for calling acme support this is priya how can I help you today "+
		"hi um yeah my earbuds stopped charging after a week and I ordered them on 2026-09-14 order A-99812 ", 10)
	b.SetBytes(int64(len(clean)))
	b.ReportAllocs()
	for b.Loop() {
		r.Text(clean)
	}
}
