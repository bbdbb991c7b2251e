package store

import (
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/frictionhq/friction/transcript"
)

func rec(id, text string) *Record {
	return &Record{Transcript: transcript.Transcript{
		ID: id, Channel: transcript.Chat, StartedAt: time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC),
		Turns: []transcript.Turn{{Speaker: transcript.Customer, Text: text}},
	}}
}

func open(t *testing.T) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "friction.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	return s, path
}

func TestPutGetReplaceDelete(t *testing.T) {
	s, _ := open(t)
	defer s.Close()
	res, err := s.Put([]*Record{rec("a", "one"), rec("b", "two")})
	if err != nil {
		t.Fatal(err)
	}
	if res[0].Replaced || res[1].Replaced || res[0].Seq != 1 || res[1].Seq != 2 {
		t.Errorf("got %+v, want fresh writes with seq 1, 2", res)
	}
	res, err = s.Put([]*Record{rec("a", "one again")})
	if err != nil || !res[0].Replaced {
		t.Fatalf("replace: got %+v, %v; want Replaced", res, err)
	}
	got, err := s.Get("a")
	if err != nil || got.Transcript.Turns[0].Text != "one again" || got.Seq != 3 {
		t.Fatalf("Get(a) = %+v, %v; want the replacement with seq 3", got, err)
	}
	if n, _ := s.Count(); n != 2 {
		t.Errorf("Count() = %d, want 2", n)
	}
	if _, err := s.Delete("a"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Get("a"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Get after delete: %v, want ErrNotFound", err)
	}
	if _, err := s.Delete("a"); !errors.Is(err, ErrNotFound) {
		t.Errorf("second delete: %v, want ErrNotFound", err)
	}
	many, err := s.GetMany([]string{"b", "a"})
	if err != nil || many[0] == nil || many[1] != nil {
		t.Errorf("GetMany = %v, %v; want [b, nil]", many, err)
	}
}

func TestChangeLog(t *testing.T) {
	s, _ := open(t)
	defer s.Close()
	s.Put([]*Record{rec("a", "1"), rec("b", "2")})
	s.Delete("a")
	var got []string
	s.Changes(1, func(seq uint64, id string) error {
		got = append(got, id)
		return nil
	})
	if len(got) != 2 || got[0] != "b" || got[1] != "a" {
		t.Errorf("Changes(1) = %v, want [b a]", got)
	}
	if last, _ := s.LastSeq(); last != 3 {
		t.Errorf("LastSeq() = %d, want 3", last)
	}
	if err := s.TrimChanges(2); err != nil {
		t.Fatal(err)
	}
	if oldest, _ := s.OldestChange(); oldest != 3 {
		t.Errorf("OldestChange after trim = %d, want 3", oldest)
	}
	if last, _ := s.LastSeq(); last != 3 {
		t.Errorf("LastSeq after trim = %d, want 3 (sequence survives trimming)", last)
	}
}

func TestSecondOpenIsRefused(t *testing.T) {
	s, path := open(t)
	defer s.Close()
	if _, err := Open(path); !errors.Is(err, ErrLocked) {
		t.Fatalf("second Open: %v, want ErrLocked", err)
	}
}

func TestReopenKeepsData(t *testing.T) {
	s, path := open(t)
	s.Put([]*Record{rec("a", "kept")})
	s.SetMeta("k", "v")
	s.Close()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got, err := s.Get("a"); err != nil || got.Transcript.Turns[0].Text != "kept" {
		t.Errorf("after reopen Get(a) = %v, %v", got, err)
	}
	if v, _ := s.Meta("k"); v != "v" {
		t.Errorf("Meta(k) = %q, want v", v)
	}
}
