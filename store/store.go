// Package store keeps the redacted transcripts, Friction's source of truth, in an
// embedded transactional database (bbolt). Everything else (the search index, the
// clusters) is derived from it and can be rebuilt from it.
//
// Every write also appends to a change log, numbered by a sequence, so a derived
// index that records the last sequence it applied can catch up after a crash.
package store

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/frictionhq/friction/transcript"
)

var (
	bucketTranscripts = []byte("transcripts")
	bucketChanges     = []byte("changes")
	bucketMeta        = []byte("meta")
)

// ErrNotFound is returned for an id the store does not hold.
var ErrNotFound = errors.New("not found")

// ErrLocked is returned by Open when another process holds the database.
var ErrLocked = errors.New("database is in use by another process")

// Record is one stored transcript with what Friction derived from it.
type Record struct {
	Transcript transcript.Transcript `json:"transcript"`
	IngestedAt time.Time             `json:"ingested_at"`
	// Analysis is the analyser's output, encoded by its owner; the store does not
	// look inside it.
	Analysis json.RawMessage `json:"analysis,omitempty"`
	// Redactions counts the PII replaced before storing, by kind (card, ssn ...).
	Redactions map[string]int `json:"redactions,omitempty"`
	// RulesVersion is the version of the rules that produced Analysis.
	RulesVersion string `json:"rules_version,omitempty"`
	// Seq is the change-log sequence of the write that stored this version.
	Seq uint64 `json:"seq"`
}

// Store is the transcript database. It is safe for concurrent use; writes are
// serialised by bbolt.
type Store struct {
	db   *bolt.DB
	path string
}

// Open opens or creates the database file at path. It fails fast with ErrLocked
// when another process has it open.
func Open(path string) (*Store, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
		return nil, err
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: 200 * time.Millisecond})
	if errors.Is(err, bolt.ErrTimeout) {
		return nil, fmt.Errorf("%s: %w", path, ErrLocked)
	}
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		for _, b := range [][]byte{bucketTranscripts, bucketChanges, bucketMeta} {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("init store %s: %w", path, err)
	}
	return &Store{db: db, path: path}, nil
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// Path returns the database file's path.
func (s *Store) Path() string { return s.path }

// PutResult says what Put did with one record.
type PutResult struct {
	Replaced bool   // a record with the same id was there before
	Seq      uint64 // the change-log sequence of this write
}

// Put stores records in one transaction, replacing any with the same id. When it
// returns nil every record is on disk (bbolt syncs on commit). If two records in
// the batch share an id, the later one wins.
func (s *Store) Put(recs []*Record) ([]PutResult, error) {
	results := make([]PutResult, len(recs))
	err := s.db.Update(func(tx *bolt.Tx) error {
		tb, cb := tx.Bucket(bucketTranscripts), tx.Bucket(bucketChanges)
		for i, rec := range recs {
			id := []byte(rec.Transcript.ID)
			seq, err := cb.NextSequence()
			if err != nil {
				return err
			}
			rec.Seq = seq
			data, err := json.Marshal(rec)
			if err != nil {
				return fmt.Errorf("encode %q: %w", rec.Transcript.ID, err)
			}
			results[i] = PutResult{Replaced: tb.Get(id) != nil, Seq: seq}
			if err := tb.Put(id, data); err != nil {
				return err
			}
			if err := cb.Put(seqKey(seq), id); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return results, nil
}

// Get returns the record with the given id, or ErrNotFound.
func (s *Store) Get(id string) (*Record, error) {
	var rec *Record
	err := s.db.View(func(tx *bolt.Tx) error {
		data := tx.Bucket(bucketTranscripts).Get([]byte(id))
		if data == nil {
			return ErrNotFound
		}
		var err error
		rec, err = decode(data)
		return err
	})
	return rec, err
}

// GetMany returns the records for ids in one read transaction; ids the store does
// not hold are nil in the result.
func (s *Store) GetMany(ids []string) ([]*Record, error) {
	recs := make([]*Record, len(ids))
	err := s.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketTranscripts)
		for i, id := range ids {
			if data := b.Get([]byte(id)); data != nil {
				rec, err := decode(data)
				if err != nil {
					return err
				}
				recs[i] = rec
			}
		}
		return nil
	})
	return recs, err
}

// Delete removes the record with the given id and returns the sequence of the
// deletion, or ErrNotFound.
func (s *Store) Delete(id string) (uint64, error) {
	var seq uint64
	err := s.db.Update(func(tx *bolt.Tx) error {
		tb, cb := tx.Bucket(bucketTranscripts), tx.Bucket(bucketChanges)
		if tb.Get([]byte(id)) == nil {
			return ErrNotFound
		}
		if err := tb.Delete([]byte(id)); err != nil {
			return err
		}
		var err error
		if seq, err = cb.NextSequence(); err != nil {
			return err
		}
		return cb.Put(seqKey(seq), []byte(id))
	})
	return seq, err
}

// Count returns the number of stored transcripts.
func (s *Store) Count() (int, error) {
	n := 0
	err := s.db.View(func(tx *bolt.Tx) error {
		n = tx.Bucket(bucketTranscripts).Stats().KeyN
		return nil
	})
	return n, err
}

// LastSeq returns the sequence of the latest write.
func (s *Store) LastSeq() (uint64, error) {
	var seq uint64
	err := s.db.View(func(tx *bolt.Tx) error {
		seq = tx.Bucket(bucketChanges).Sequence()
		return nil
	})
	return seq, err
}

// ForEach calls fn for every record in id order, inside one read transaction, so
// it sees a consistent snapshot. fn must not write to the store.
func (s *Store) ForEach(fn func(*Record) error) error {
	return s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketTranscripts).ForEach(func(_, data []byte) error {
			rec, err := decode(data)
			if err != nil {
				return err
			}
			return fn(rec)
		})
	})
}

// Changes calls fn for each id written or deleted after sequence after, in
// sequence order. The same id may come more than once.
func (s *Store) Changes(after uint64, fn func(seq uint64, id string) error) error {
	return s.db.View(func(tx *bolt.Tx) error {
		c := tx.Bucket(bucketChanges).Cursor()
		for k, v := c.Seek(seqKey(after + 1)); k != nil; k, v = c.Next() {
			if err := fn(binary.BigEndian.Uint64(k), string(v)); err != nil {
				return err
			}
		}
		return nil
	})
}

// OldestChange returns the lowest sequence still in the change log, or 0 if the
// log is empty.
func (s *Store) OldestChange() (uint64, error) {
	var seq uint64
	err := s.db.View(func(tx *bolt.Tx) error {
		if k, _ := tx.Bucket(bucketChanges).Cursor().First(); k != nil {
			seq = binary.BigEndian.Uint64(k)
		}
		return nil
	})
	return seq, err
}

// TrimChanges forgets change-log entries up to and including seq, once every
// derived index has applied them.
func (s *Store) TrimChanges(seq uint64) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		c := tx.Bucket(bucketChanges).Cursor()
		for k, _ := c.First(); k != nil && bytes.Compare(k, seqKey(seq)) <= 0; k, _ = c.First() {
			if err := c.Delete(); err != nil {
				return err
			}
		}
		return nil
	})
}

// Meta returns a value saved with SetMeta, or "" if none.
func (s *Store) Meta(key string) (string, error) {
	var v string
	err := s.db.View(func(tx *bolt.Tx) error {
		v = string(tx.Bucket(bucketMeta).Get([]byte(key)))
		return nil
	})
	return v, err
}

// SetMeta saves a small named value.
func (s *Store) SetMeta(key, value string) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketMeta).Put([]byte(key), []byte(value))
	})
}

func decode(data []byte) (*Record, error) {
	var rec Record
	if err := json.Unmarshal(data, &rec); err != nil {
		return nil, fmt.Errorf("decode stored record: %w", err)
	}
	return &rec, nil
}

func seqKey(seq uint64) []byte {
	var k [8]byte
	binary.BigEndian.PutUint64(k[:], seq)
	return k[:]
}
