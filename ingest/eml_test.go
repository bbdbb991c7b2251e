package ingest

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/frictionhq/friction/transcript"
)

func TestReadEML(t *testing.T) {
	dana := &transcript.Party{ID: addressID("dana.ruiz@example.com"), Name: "Dana Ruiz"}
	priya := transcript.Party{ID: addressID("priya@support.acme-shop.com"), Name: "Priya (Acme Support)"}
	tests := []struct {
		name string
		file string
		opts Options
		want *transcript.Transcript
	}{
		{"plain quoted-printable from the customer", "customer_plain.eml", Options{}, &transcript.Transcript{
			ID: "CAF7x9q=Kp2+abc123@mail.example.com", Channel: transcript.Email,
			StartedAt: date("2026-09-14T10:02:00Z"), Subject: "Earbuds won’t charge", Customer: dana,
			Turns: []transcript.Turn{turn(transcript.Customer, "Dana Ruiz",
				"Hi,\n\nMy EB-200 earbuds (order A-99812) stopped charging after a week. The charging case light "+
					"doesn’t come on at all. I’ve tried three cables.\n\nCan you send a replacement?\n\nThanks,\nDana\n\nSent from my iPhone", 0)},
		}},
		{"html-only base64 reply, agent told by the quoted first sender", "agent_html_only.eml", Options{}, &transcript.Transcript{
			ID: "reply-7781@support.acme-shop.com", Channel: transcript.Email,
			StartedAt: date("2026-09-14T11:15:30-04:00"), Subject: "Re: Earbuds won't charge",
			Customer: dana, Agents: []transcript.Party{priya},
			Turns: []transcript.Turn{turn(transcript.Agent, "Priya (Acme Support)",
				"Hi Dana,\n\nI'm sorry your earbuds stopped charging. I've sent a *replacement* — it ships today. Track it here.\n\n"+
					"Best,\nPriya\nAcme Support\n\nOn Mon, Sep 14, 2026 at 10:02 AM Dana Ruiz <dana.ruiz@example.com> wrote:\n>\n"+
					"> My EB-200 earbuds stopped charging after a week.", 0)},
		}},
		{"multipart with attachment, latin-1, customer in a thread", "customer_thread_attachment.eml", Options{}, &transcript.Transcript{
			ID: "CAF7x9q=second@mail.example.com", Channel: transcript.Email,
			StartedAt: date("2026-09-15T08:30:00+02:00"), Subject: "Re: Re: Earbuds won't charge", Customer: dana,
			Turns: []transcript.Turn{turn(transcript.Customer, "Dana Ruiz",
				"The replacement arrived but it has the same problem, très décevant. It won't charge.\nPhoto attached.\n\n"+
					"On Mon, Sep 14, 2026 at 5:15 PM Priya <priya@support.acme-shop.com> wrote:\n> Hi Dana, I've sent a replacement.\n>\n"+
					"> On Mon, Sep 14, 2026 at 10:02 AM Dana Ruiz <dana.ruiz@example.com> wrote:\n>> My EB-200 earbuds stopped charging after a week.", 0)},
			Metadata: map[string]string{"attachments": "case.jpg"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := readOne(t, "testdata/eml/"+tt.file, tt.opts)
			checkRecord(t, r)
			if r.Err != nil {
				t.Fatalf("got error %v, want a transcript", r.Err)
			}
			if diff := cmp.Diff(tt.want, r.Transcript); diff != "" {
				t.Errorf("transcript mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestEMLCompanyDomains(t *testing.T) {
	tests := []struct {
		file    string
		domains []string
		want    transcript.Speaker
	}{
		{"customer_plain.eml", []string{"acme-shop.com"}, transcript.Customer},
		{"agent_html_only.eml", []string{"acme-shop.com"}, transcript.Agent}, // a subdomain counts
		{"agent_html_only.eml", []string{"@Support.Acme-Shop.com"}, transcript.Agent},
		{"agent_html_only.eml", []string{"other.com"}, transcript.Customer},
		{"customer_thread_attachment.eml", []string{"example.com"}, transcript.Agent},
	}
	for _, tt := range tests {
		r := readOne(t, "testdata/eml/"+tt.file, Options{CompanyDomains: tt.domains})
		checkRecord(t, r)
		if r.Err != nil {
			t.Fatalf("%s: %v", tt.file, r.Err)
		}
		if got := r.Transcript.Turns[0].Speaker; got != tt.want {
			t.Errorf("%s with %v: got %s, want %s", tt.file, tt.domains, got, tt.want)
		}
	}
}

func TestReadEMLErrors(t *testing.T) {
	tests := []struct {
		name, in, field, wantInMsg string
	}{
		{"no text body", "testdata/eml/no_text.eml", "turns", "no text body"},
		{"not an e-mail", "", "", "starts with header fields"},
		{"no from", "", "from", "no readable From"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var r Record
			switch tt.name {
			case "not an e-mail":
				r = Parse(FormatEML, []byte("hello there\nthis is not mail\n"), "x.eml", Options{})
			case "no from":
				r = Parse(FormatEML, []byte("Subject: hi\r\nDate: Mon, 14 Sep 2026 10:02:00 +0000\r\n\r\nbody\r\n"), "x.eml", Options{})
			default:
				r = readOne(t, tt.in, Options{})
			}
			checkRecord(t, r)
			if r.Err == nil {
				t.Fatal("got a transcript, want an error")
			}
			if v := r.Err.Violations[0]; v.Field != tt.field || !strings.Contains(v.Description, tt.wantInMsg) {
				t.Errorf("got %q: %q, want %q containing %q", v.Field, v.Description, tt.field, tt.wantInMsg)
			}
		})
	}
}

func TestCleanMessageID(t *testing.T) {
	tests := []struct{ in, want string }{
		{"<CAF=x.y@mail.example.com>", "CAF=x.y@mail.example.com"},
		{"  <abc@x> (comment)", "abc@x"},
		{"", ""},
		{"<>", ""},
	}
	for _, tt := range tests {
		if got := cleanMessageID(tt.in); got != tt.want {
			t.Errorf("cleanMessageID(%q): got %q, want %q", tt.in, got, tt.want)
		}
	}
	long := cleanMessageID("<" + strings.Repeat("x", 300) + "@example.com>")
	if len(long) > 128 || !strings.Contains(long, "~") {
		t.Errorf("long id: got %q (%d)", long, len(long))
	}
}
