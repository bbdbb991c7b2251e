package ingest

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/mail"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/jaytaylor/html2text"
	"github.com/jhillyerd/enmime"

	"github.com/frictionhq/friction/transcript"
)

// This file reads one RFC 5322 e-mail (.eml) into an email transcript with one
// turn: the body as the sender wrote it, quoted history included (separating
// quotes, signatures and footers is the analysis's job). The sender is the agent
// when their domain is one of Options.CompanyDomains; without company domains,
// the thread's first sender (the deepest "On ... wrote:" or "From:" in the quoted
// history, or this message's sender when there is none) is the customer.
//
// Addresses are personal data, so they are not stored: parties get the display
// name and an id derived from the address (see addressID).

func parseEML(data []byte, opts Options) (*transcript.Transcript, *RecordError) {
	data = bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF")), "\r\n")
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, lineError(0, "", "the e-mail is empty")
	}
	if !looksLikeEmail(data) && !hasHeader(data, "subject") && !hasHeader(data, "date") {
		return nil, lineError(1, "", "an e-mail starts with header fields such as From:, To:, Subject: and Date:")
	}
	env, err := readEnvelope(data)
	if err != nil {
		return nil, lineError(0, "", "cannot read the e-mail: %v", err)
	}
	t := &transcript.Transcript{Channel: transcript.Email, Metadata: map[string]string{}}
	t.Subject = strings.TrimSpace(sanitize(env.GetHeader("Subject")))
	if id := cleanMessageID(env.GetHeader("Message-ID")); id != "" {
		t.ID = id
	}
	if at, err := env.Date(); err == nil {
		t.StartedAt = at
	} else if d := env.GetHeader("Date"); d != "" {
		if at, ok := parseDateTime(d); ok {
			t.StartedAt = at
		}
	}
	if lang := env.GetHeader("Content-Language"); lang != "" && len(lang) <= 35 {
		t.Language = strings.TrimSpace(strings.Split(lang, ",")[0])
	}

	body := emailBody(env)
	if body == "" {
		return nil, lineError(0, "turns", "the e-mail has no text body (neither text/plain nor text/html)")
	}

	from, _ := env.AddressList("From")
	if len(from) == 0 {
		return nil, lineError(0, "from", "the e-mail has no readable From: address")
	}
	to, _ := env.AddressList("To")
	cc, _ := env.AddressList("Cc")
	sender := from[0]
	speaker := senderRole(sender.Address, body, opts.CompanyDomains)

	turn := transcript.Turn{Speaker: speaker, Name: sanitize(sender.Name), Text: body}
	t.Turns = []transcript.Turn{turn}
	if speaker == transcript.Agent {
		addAgent(t, party(sender))
		// The customer is the first recipient outside the company.
		for _, a := range append(to, cc...) {
			if !companyAddress(a.Address, opts.CompanyDomains) {
				p := party(a)
				t.Customer = &p
				break
			}
		}
	} else {
		p := party(sender)
		t.Customer = &p
	}
	if names := attachmentNames(env); names != "" {
		t.Metadata["attachments"] = names
	}
	return t, nil
}

// readEnvelope parses the MIME structure. A panic in the MIME library on hostile
// input becomes an error, so one bad e-mail cannot take a whole batch down.
func readEnvelope(data []byte) (env *enmime.Envelope, err error) {
	defer func() {
		if r := recover(); r != nil {
			env, err = nil, fmt.Errorf("malformed MIME structure (%v)", r)
		}
	}()
	parser := enmime.NewParser(enmime.SkipMalformedParts(true), enmime.MaxStoredPartErrors(10),
		enmime.DisableTextConversion(true))
	return parser.ReadEnvelope(bytes.NewReader(data))
}

func hasHeader(data []byte, name string) bool {
	head := data
	if i := bytes.Index(data, []byte("\n\n")); i >= 0 {
		head = data[:i]
	}
	for _, line := range bytes.Split(head, []byte("\n")) {
		if k, _, ok := bytes.Cut(line, []byte(":")); ok && strings.EqualFold(string(k), name) {
			return true
		}
	}
	return false
}

// emailBody returns the text body, or the HTML body turned into text (without
// link targets), tidied: valid UTF-8, \n line ends, no trailing spaces, no runs of
// blank lines.
func emailBody(env *enmime.Envelope) string {
	text := env.Text
	if strings.TrimSpace(text) == "" && env.HTML != "" {
		text = htmlText(env.HTML)
	}
	text = sanitize(text)
	lines := strings.Split(text, "\n")
	out := lines[:0]
	blank := 0
	for _, l := range lines {
		l = strings.TrimRight(l, " \t\u00a0")
		if l == "" {
			blank++
			if blank > 1 {
				continue
			}
		} else {
			blank = 0
		}
		out = append(out, l)
	}
	return strings.TrimSpace(strings.Join(out, "\n"))
}

// htmlText turns an HTML body into text without link targets; a failure, or a
// panic in the converter, gives "".
func htmlText(h string) (text string) {
	defer func() {
		if recover() != nil {
			text = ""
		}
	}()
	text, err := html2text.FromString(h, html2text.Options{OmitLinks: true})
	if err != nil {
		return ""
	}
	return text
}

// cleanMessageID turns "<CAF=x.y@mail.example.com>" into a usable id.
func cleanMessageID(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '>'); i >= 0 {
		s = s[:i]
	}
	s = strings.TrimSpace(strings.TrimPrefix(s, "<"))
	if s == "" {
		return ""
	}
	id := cleanIDChars(s)
	if utf8.RuneCountInString(id) > transcript.DefaultLimits.MaxIDLen { // keep it unique: a prefix and a hash
		sum := sha256.Sum256([]byte(s))
		id = string([]rune(id)[:100]) + "~" + hex.EncodeToString(sum[:8])
	}
	return id
}

// addressID is a stable, non-reversible id for an e-mail address, so one
// customer's contacts can be grouped without storing the address.
func addressID(addr string) string {
	sum := sha256.Sum256([]byte(strings.ToLower(strings.TrimSpace(addr))))
	return "email:" + hex.EncodeToString(sum[:8])
}

func party(a *mail.Address) transcript.Party {
	return transcript.Party{ID: addressID(a.Address), Name: strings.TrimSpace(sanitize(a.Name))}
}

// companyAddress reports whether addr is at one of the domains or a subdomain.
func companyAddress(addr string, domains []string) bool {
	at := strings.LastIndexByte(addr, '@')
	if at < 0 {
		return false
	}
	host := strings.ToLower(strings.TrimSuffix(addr[at+1:], "."))
	for _, d := range domains {
		d = strings.ToLower(strings.TrimPrefix(strings.TrimSpace(d), "@"))
		if d != "" && (host == d || strings.HasSuffix(host, "."+d)) {
			return true
		}
	}
	return false
}

// quotedSender finds who wrote the earliest message quoted in body: the last
// "On ..., Name <addr> wrote:" or "From: Name <addr>" line.
var quotedSender = regexp.MustCompile(`(?m)^[> \t]*(?:On\b.{0,200}?<?([A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,})>?\s*wrote:|\*?From:\*?\s.{0,120}?<?([A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,})>?)`)

func senderRole(addr, body string, companyDomains []string) transcript.Speaker {
	if len(companyDomains) > 0 {
		if companyAddress(addr, companyDomains) {
			return transcript.Agent
		}
		return transcript.Customer
	}
	matches := quotedSender.FindAllStringSubmatch(body, -1)
	if len(matches) == 0 {
		return transcript.Customer // this message starts the thread
	}
	last := matches[len(matches)-1]
	first := last[1]
	if first == "" {
		first = last[2]
	}
	if strings.EqualFold(first, addr) {
		return transcript.Customer
	}
	return transcript.Agent
}

func attachmentNames(env *enmime.Envelope) string {
	var names []string
	for _, p := range env.Attachments {
		if n := strings.TrimSpace(sanitize(p.FileName)); n != "" {
			names = append(names, n)
		}
	}
	s := strings.Join(names, ", ")
	if r := []rune(s); len(r) > 1000 {
		s = string(r[:1000])
	}
	return s
}
