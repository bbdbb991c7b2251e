package engine

import (
	"strings"
	"testing"

	"github.com/frictionhq/friction/redact"
	"github.com/frictionhq/friction/transcript"
)

func TestPIIIsRedactedBeforeStoreAndIndex(t *testing.T) {
	e := openEngine(t, t.TempDir())
	defer e.Close()
	in := tr("pii-1", transcript.Call, 0,
		"my card is 4111 1111 1111 1111 and my social is 123-45-6789",
		"thanks, what is your email",
		"dana.ruiz@example.com or call me at (555) 201-7788, order A-99812",
		"ok and the card number again",
		"four one one one one one one one one one one one one one one one")
	in.Survey = &transcript.SurveyResponse{Type: transcript.CSAT, Score: 2, Comment: "reach me on 555-201-7788"}
	in.Customer = &transcript.Party{ID: "dana.ruiz@example.com", Name: "Dana Ruiz"}
	in.Metadata = map[string]string{"callback": "+1 555 201 7788", "order_id": "A-99812"}
	orig := in.Turns[0].Text
	res := ingest(t, e, in)
	if !res[0].Stored {
		t.Fatalf("not stored: %+v", res[0])
	}
	if in.Turns[0].Text != orig {
		t.Errorf("the caller's transcript was changed")
	}
	rec, err := e.Get("pii-1")
	if err != nil {
		t.Fatal(err)
	}
	all := rec.Transcript.Survey.Comment + "\n" + rec.Transcript.Customer.ID + "\n" + rec.Transcript.Metadata["callback"]
	for _, turn := range rec.Transcript.Turns {
		all += "\n" + turn.Text
	}
	for _, secret := range []string{"4111", "123-45-6789", "dana.ruiz@example.com", "201-7788", "four one one one"} {
		if strings.Contains(all, secret) {
			t.Errorf("stored text still holds %q:\n%s", secret, all)
		}
	}
	for _, kept := range []string{"[CARD]", "[SSN]", "[EMAIL]", "[PHONE]", "A-99812"} {
		if !strings.Contains(all, kept) {
			t.Errorf("stored text lacks %q:\n%s", kept, all)
		}
	}
	if rec.Redactions["card"] != 2 || rec.Redactions["ssn"] != 1 || rec.Redactions["email"] != 2 || rec.Redactions["phone"] != 3 {
		t.Errorf("redaction counts %v, want card 2, ssn 1, email 2, phone 3", rec.Redactions)
	}
	if id := rec.Transcript.Customer.ID; !strings.HasPrefix(id, "pii-") || rec.Transcript.Customer.Name != "Dana Ruiz" {
		t.Errorf("customer %+v: an e-mail id should become a pseudonym, the name stay", rec.Transcript.Customer)
	}
	for _, q := range []string{"4111", "dana.ruiz", "7788", `"123-45-6789"`} {
		if got := searchIDs(t, e, SearchRequest{Query: q}); len(got) != 0 {
			t.Errorf("search %q finds %v; PII must not reach the index", q, got)
		}
	}
	if got := searchIDs(t, e, SearchRequest{Query: "a-99812"}); len(got) != 1 {
		t.Errorf("the order number should stay searchable, got %v", got)
	}
}

func TestRedactionCanBeTurnedOffPerKind(t *testing.T) {
	e, err := Open(Config{DataDir: t.TempDir(), Redaction: redact.Config{DisableEmails: true}})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	ingest(t, e, tr("p", transcript.Chat, 0, "write to dana@example.com, card 4111 1111 1111 1111"))
	rec, _ := e.Get("p")
	if got := rec.Transcript.Turns[0].Text; got != "write to dana@example.com, card [CARD]" {
		t.Errorf("got %q", got)
	}
}
