package feed

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// This file reads the small Python vocabulary of feedparser's `Expect:`
// lines: `not bozo and entries[0]['title'] == u'...'`, chained equality,
// parenthesised conjunctions, tuples of ints. Anything else is reported as
// unsupported and the assertion is counted as not applicable.

// pyTerm is one conjunct: path == value [== value].
type pyTerm struct {
	path   []string // e.g. ["entries", "0", "title_detail", "value"]
	values []pyValue
}

type pyValue struct {
	str   string
	ints  []int // for tuples
	isStr bool
	path  []string // another path (entries[0]['link'] == entries[1]['link'])
}

type pyLexer struct {
	s   string
	pos int
}

func (l *pyLexer) skip() {
	for l.pos < len(l.s) && (l.s[l.pos] == ' ' || l.s[l.pos] == '\t') {
		l.pos++
	}
}

func (l *pyLexer) peek(word string) bool {
	l.skip()
	return strings.HasPrefix(l.s[l.pos:], word)
}

func (l *pyLexer) eat(word string) bool {
	if l.peek(word) {
		l.pos += len(word)
		return true
	}
	return false
}

// parseExpect splits e into conjuncts. bozoTrue reports a positive `bozo`
// requirement, which this parser's leniency makes meaningless.
func parseExpect(e string) (terms []pyTerm, bozoTrue bool, err error) {
	l := &pyLexer{s: strings.TrimSpace(e)}
	for {
		negate := l.eat("not ")
		paren := l.eat("(")
		switch {
		case l.eat("bozo"):
			if !negate {
				bozoTrue = true
			}
		case negate:
			return nil, false, fmt.Errorf("unsupported negation at %d", l.pos)
		default:
			t, err := l.term()
			if err != nil {
				return nil, false, err
			}
			terms = append(terms, t)
		}
		if paren && !l.eat(")") {
			return nil, false, fmt.Errorf("unbalanced parenthesis")
		}
		l.skip()
		if l.pos == len(l.s) {
			return terms, bozoTrue, nil
		}
		if !l.eat("and ") {
			return nil, false, fmt.Errorf("unsupported operator at %q", l.s[l.pos:])
		}
	}
}

func (l *pyLexer) term() (pyTerm, error) {
	var t pyTerm
	p, err := l.path()
	if err != nil {
		return t, err
	}
	t.path = p
	for l.eat("==") {
		l.skip()
		if l.peek("feed") || l.peek("entries") {
			p, err := l.path()
			if err != nil {
				return t, err
			}
			t.values = append(t.values, pyValue{path: p})
			continue
		}
		v, err := l.value()
		if err != nil {
			return t, err
		}
		t.values = append(t.values, v)
	}
	if len(t.values) == 0 {
		return t, fmt.Errorf("not an equality")
	}
	return t, nil
}

func (l *pyLexer) path() ([]string, error) {
	var p []string
	switch {
	case l.eat("feed"):
		p = []string{"feed"}
	case l.eat("entries"):
		p = []string{"entries"}
	default:
		return nil, fmt.Errorf("unsupported operand at %q", l.s[l.pos:])
	}
	for l.pos < len(l.s) {
		switch c := l.s[l.pos]; {
		case c == '[':
			l.pos++
			if l.pos < len(l.s) && (l.s[l.pos] == '\'' || l.s[l.pos] == '"') {
				v, err := l.str()
				if err != nil {
					return nil, err
				}
				p = append(p, v)
			} else {
				end := strings.IndexByte(l.s[l.pos:], ']')
				if end < 0 {
					return nil, fmt.Errorf("unclosed index")
				}
				p = append(p, l.s[l.pos:l.pos+end])
				l.pos += end
			}
			if !l.eat("]") {
				return nil, fmt.Errorf("unclosed index")
			}
		case c == '.':
			l.pos++
			start := l.pos
			for l.pos < len(l.s) && (l.s[l.pos] == '_' || l.s[l.pos] >= 'a' && l.s[l.pos] <= 'z') {
				l.pos++
			}
			p = append(p, l.s[start:l.pos])
		default:
			return p, nil
		}
	}
	return p, nil
}

func (l *pyLexer) value() (pyValue, error) {
	l.skip()
	if l.eat("(") {
		var v pyValue
		for !l.eat(")") {
			l.skip()
			start := l.pos
			for l.pos < len(l.s) && (l.s[l.pos] == '-' || l.s[l.pos] >= '0' && l.s[l.pos] <= '9') {
				l.pos++
			}
			n, err := strconv.Atoi(l.s[start:l.pos])
			if err != nil {
				return v, fmt.Errorf("tuple: %v", err)
			}
			v.ints = append(v.ints, n)
			l.eat(",")
		}
		return v, nil
	}
	var b strings.Builder
	for {
		l.skip()
		l.eat("u")
		if l.pos >= len(l.s) || (l.s[l.pos] != '\'' && l.s[l.pos] != '"') {
			return pyValue{}, fmt.Errorf("unsupported value at %q", l.s[l.pos:])
		}
		s, err := l.str()
		if err != nil {
			return pyValue{}, err
		}
		b.WriteString(s)
		if !l.eat("+") {
			return pyValue{str: b.String(), isStr: true}, nil
		}
	}
}

// str reads a Python string literal with its escapes.
func (l *pyLexer) str() (string, error) {
	q := l.s[l.pos]
	l.pos++
	var b strings.Builder
	for l.pos < len(l.s) {
		c := l.s[l.pos]
		switch {
		case c == q:
			l.pos++
			return b.String(), nil
		case c == '\\' && l.pos+1 < len(l.s):
			l.pos++
			e := l.s[l.pos]
			l.pos++
			switch e {
			case 'n':
				b.WriteByte('\n')
			case 't':
				b.WriteByte('\t')
			case 'r':
				b.WriteByte('\r')
			case '\\', '\'', '"':
				b.WriteByte(e)
			case 'x', 'u', 'U':
				n := map[byte]int{'x': 2, 'u': 4, 'U': 8}[e]
				if l.pos+n > len(l.s) {
					return "", fmt.Errorf("short escape")
				}
				r, err := strconv.ParseUint(l.s[l.pos:l.pos+n], 16, 32)
				if err != nil {
					return "", err
				}
				l.pos += n
				b.WriteRune(rune(r))
			default:
				b.WriteByte('\\')
				b.WriteByte(e)
			}
		default:
			r, size := utf8.DecodeRuneInString(l.s[l.pos:])
			b.WriteRune(r)
			l.pos += size
		}
	}
	return "", fmt.Errorf("unterminated string")
}
