// Package language guesses the language of an article so that feeds that do
// not declare one can still be filtered and so that English-only stages
// (keyphrases, entities) can stand aside for other languages. It looks at
// the writing system first and, for Latin, Cyrillic and Arabic scripts, at
// which language's most frequent function words the text uses. It is pure,
// fast, and answers "" rather than guessing on too little evidence.
package language

import (
	"unicode"
	"unicode/utf8"
)

// maxBytes bounds the work per article: the opening of a text is plenty to
// tell its language.
const maxBytes = 2048

// minLetters is the least evidence for an answer.
const minLetters = 12

// script tallies.
const (
	sLatin = iota
	sCyrillic
	sGreek
	sArabic
	sHebrew
	sHan
	sKana
	sHangul
	sThai
	sDevanagari
	nScripts
)

// Detect returns the ISO 639-1 code of text's language, or "" when the text
// is too short or the evidence too weak.
func Detect(text string) string {
	if len(text) > maxBytes {
		// A rune cut in half decodes as RuneError, which is not a letter.
		text = text[:maxBytes]
	}
	var n [nScripts]int
	total := 0
	var persian, ukrainian, russian int
	ascii := 0 // ASCII letters, counted apart for speed
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			i++
			if (c|0x20)-'a' < 26 {
				ascii++
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		if !unicode.IsLetter(r) {
			continue
		}
		total++
		switch {
		case r <= 0x024F || (r >= 0x1E00 && r <= 0x1EFF):
			n[sLatin]++
		case r >= 0x0370 && r <= 0x03FF || r >= 0x1F00 && r <= 0x1FFF:
			n[sGreek]++
		case r >= 0x0400 && r <= 0x04FF:
			n[sCyrillic]++
			switch r {
			case 'і', 'ї', 'є', 'ґ', 'І', 'Ї', 'Є', 'Ґ':
				ukrainian++
			case 'ы', 'э', 'ъ', 'ё', 'Ы', 'Э', 'Ъ', 'Ё':
				russian++
			}
		case r >= 0x0590 && r <= 0x05FF:
			n[sHebrew]++
		case r >= 0x0600 && r <= 0x06FF || r >= 0x0750 && r <= 0x077F || r >= 0xFB50 && r <= 0xFEFF:
			n[sArabic]++
			switch r {
			case 'پ', 'چ', 'ژ', 'گ', 'ی':
				persian++
			}
		case r >= 0x0900 && r <= 0x097F:
			n[sDevanagari]++
		case r >= 0x0E00 && r <= 0x0E7F:
			n[sThai]++
		case r >= 0x3040 && r <= 0x30FF || r >= 0x31F0 && r <= 0x31FF || r >= 0xFF66 && r <= 0xFF9F:
			n[sKana]++
		case r >= 0xAC00 && r <= 0xD7AF || r >= 0x1100 && r <= 0x11FF || r >= 0x3130 && r <= 0x318F:
			n[sHangul]++
		case unicode.Is(unicode.Han, r):
			n[sHan]++
		}
	}
	n[sLatin] += ascii
	total += ascii
	if total < minLetters {
		// CJK writes much in few characters.
		if n[sHan]+n[sKana]+n[sHangul] < 4 {
			return ""
		}
	}
	best := 0
	for s := 1; s < nScripts; s++ {
		if n[s] > n[best] {
			best = s
		}
	}
	switch {
	case n[sHangul] > 0 && n[sHangul]*4 >= n[sHan]+n[sKana]+n[sHangul] && best >= sHan:
		return "ko"
	case n[sKana] > 0 && n[sKana]*10 >= n[sHan]+n[sKana] && best >= sHan:
		return "ja"
	}
	switch best {
	case sLatin:
		return latin(text)
	case sCyrillic:
		if ukrainian > russian {
			return "uk"
		}
		return cyrillic(text)
	case sGreek:
		return "el"
	case sArabic:
		if persian*50 > n[sArabic] {
			return "fa"
		}
		return "ar"
	case sHebrew:
		return "he"
	case sHan:
		if n[sKana] > 0 {
			return "ja"
		}
		return "zh"
	case sKana:
		return "ja"
	case sHangul:
		return "ko"
	case sThai:
		return "th"
	case sDevanagari:
		return "hi"
	}
	return ""
}
