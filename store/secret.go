package store

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"

	"petitions/workflow"
)

// KeySize is the length of the master key in bytes.
const KeySize = 32

// keys seal petitioners' identities (AES-GCM), index them (HMAC-SHA256) and
// key the history's hash chain (HMAC-SHA256, chain.go), each with its own key
// derived from the master key. The master key lives in a file or an
// environment variable, never in the database.
type keys struct {
	aead  cipher.AEAD
	index []byte
	chain []byte
	// throwaway: Open was given no master key and made a random one, which
	// must never seal a history record (chain.go's sealRecord refuses).
	throwaway bool
}

// errNoChainKey is what a store opened without the master key says when asked
// to seal history records.
var errNoChainKey = errors.New("store: history records are sealed with the master key; " +
	"open the database with it (--key-file, PETITIONS_KEY_FILE or PETITIONS_KEY)")

func newKeys(master []byte) (*keys, error) {
	if len(master) != KeySize {
		return nil, fmt.Errorf("store: the encryption key must be %d bytes, got %d", KeySize, len(master))
	}
	derive := func(purpose string) []byte {
		m := hmac.New(sha256.New, master)
		m.Write([]byte("petitions/" + purpose))
		return m.Sum(nil)
	}
	block, err := aes.NewCipher(derive("identity-encryption"))
	if err != nil {
		return nil, err
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, err
	}
	return &keys{aead: aead, index: derive("identity-index"), chain: derive("history-chain")}, nil
}

// seal encrypts a petitioner, bound to its case so a sealed row cannot be moved to another case.
func (k *keys) seal(caseID int64, p Petitioner) (string, error) {
	plain, err := json.Marshal(p)
	if err != nil {
		return "", err
	}
	nonce := make([]byte, k.aead.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return "", err
	}
	out := k.aead.Seal(nonce, nonce, plain, caseAAD(caseID))
	return base64.StdEncoding.EncodeToString(out), nil
}

// open decrypts a sealed petitioner of the case.
func (k *keys) open(caseID int64, sealed string) (Petitioner, error) {
	var p Petitioner
	raw, err := base64.StdEncoding.DecodeString(sealed)
	if err != nil || len(raw) < k.aead.NonceSize() {
		return p, fmt.Errorf("store: sealed identity of case %d is malformed", caseID)
	}
	n := k.aead.NonceSize()
	plain, err := k.aead.Open(nil, raw[:n], raw[n:], caseAAD(caseID))
	if err != nil {
		return p, fmt.Errorf("store: cannot open the identity of case %d (wrong key?)", caseID)
	}
	return p, json.Unmarshal(plain, &p)
}

// sealValue encrypts any value bound to its case and to a purpose, so that
// it opens only as what it was sealed for (the identities in a correction's
// history record).
func (k *keys) sealValue(caseID int64, purpose string, v any) (string, error) {
	plain, err := json.Marshal(v)
	if err != nil {
		return "", err
	}
	nonce := make([]byte, k.aead.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return "", err
	}
	out := k.aead.Seal(nonce, nonce, plain, purposeAAD(caseID, purpose))
	return base64.StdEncoding.EncodeToString(out), nil
}

// openValue decrypts what sealValue sealed for the case and purpose into v.
func (k *keys) openValue(caseID int64, purpose, sealed string, v any) error {
	raw, err := base64.StdEncoding.DecodeString(sealed)
	n := k.aead.NonceSize()
	if err != nil || len(raw) < n {
		return fmt.Errorf("store: sealed %s of case %d is malformed", purpose, caseID)
	}
	plain, err := k.aead.Open(nil, raw[:n], raw[n:], purposeAAD(caseID, purpose))
	if err != nil {
		return fmt.Errorf("store: cannot open the %s of case %d (wrong key?)", purpose, caseID)
	}
	return json.Unmarshal(plain, v)
}

// sealBytes encrypts bytes bound to their case and purpose: nonce then
// ciphertext (an attachment a denouncer's identity is in).
func (k *keys) sealBytes(caseID int64, purpose string, plain []byte) ([]byte, error) {
	nonce := make([]byte, k.aead.NonceSize(), k.aead.NonceSize()+len(plain)+k.aead.Overhead())
	if _, err := rand.Read(nonce); err != nil {
		return nil, err
	}
	return k.aead.Seal(nonce, nonce, plain, purposeAAD(caseID, purpose)), nil
}

// openBytes decrypts what sealBytes sealed for the case and purpose.
func (k *keys) openBytes(caseID int64, purpose string, sealed []byte) ([]byte, error) {
	n := k.aead.NonceSize()
	if len(sealed) < n {
		return nil, fmt.Errorf("store: sealed %s of case %d is malformed", purpose, caseID)
	}
	plain, err := k.aead.Open(nil, sealed[:n], sealed[n:], purposeAAD(caseID, purpose))
	if err != nil {
		return nil, fmt.Errorf("store: cannot open the %s of case %d (wrong key?)", purpose, caseID)
	}
	return plain, nil
}

func purposeAAD(caseID int64, purpose string) []byte {
	return []byte("case:" + strconv.FormatInt(caseID, 10) + ":" + purpose)
}

// hashOf is the keyed hash used to match repeat letters; "" for an empty value.
func (k *keys) hashOf(kind, value string) string {
	if value == "" {
		return ""
	}
	m := hmac.New(sha256.New, k.index)
	m.Write([]byte(kind + ":" + value))
	return hex.EncodeToString(m.Sum(nil))
}

func (k *keys) idHash(idNumber string) string { return k.hashOf("id", strings.TrimSpace(idNumber)) }
func (k *keys) nameHash(name string) string   { return k.hashOf("name", workflow.Fold(name)) }

func caseAAD(caseID int64) []byte { return []byte("case:" + strconv.FormatInt(caseID, 10)) }

// GenerateKey makes a new random master key, base64-encoded.
func GenerateKey() string {
	b := make([]byte, KeySize)
	_, _ = rand.Read(b) // crypto/rand never fails on supported platforms
	return base64.StdEncoding.EncodeToString(b)
}

// ParseKey reads a base64-encoded master key.
func ParseKey(text string) ([]byte, error) {
	b, err := base64.StdEncoding.DecodeString(strings.TrimSpace(text))
	if err != nil || len(b) != KeySize {
		return nil, fmt.Errorf("the encryption key must be %d random bytes in base64 (make one with 'petitions key generate')", KeySize)
	}
	return b, nil
}

// ReadKeyFile reads a base64-encoded master key from a file.
func ReadKeyFile(path string) ([]byte, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read key file: %w", err)
	}
	return ParseKey(string(b))
}
