package gen

import (
	"regexp"
	"strconv"
	"strings"
)

var ones = []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
	"ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"}

var tens = []string{"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}

// numberWords spells n (0-9999) the way people say it: 129 is "a hundred and twenty nine".
func numberWords(n int) string {
	switch {
	case n < 20:
		return ones[n]
	case n < 100:
		if n%10 == 0 {
			return tens[n/10]
		}
		return tens[n/10] + " " + ones[n%10]
	case n < 1000:
		s := ones[n/100] + " hundred"
		if n/100 == 1 {
			s = "a hundred"
		}
		if n%100 != 0 {
			s += " and " + numberWords(n%100)
		}
		return s
	case n < 10000:
		s := ones[n/1000] + " thousand"
		if n%1000 != 0 {
			s += " " + numberWords(n%1000)
		}
		return s
	}
	return strconv.Itoa(n)
}

// digitWords spells a string of digits one by one: "0147" is "oh one four seven".
func (g *rng) digitWords(ds string) string {
	var out []string
	for _, d := range ds {
		if d < '0' || d > '9' {
			continue
		}
		w := ones[d-'0']
		if d == '0' && g.chance(0.6) {
			w = "oh"
		}
		out = append(out, w)
	}
	return strings.Join(out, " ")
}

var (
	reOrder = regexp.MustCompile(`\b([AB])-(\d{5})\b`)
	rePhone = regexp.MustCompile(`\((\d{3})\) (\d{3})-(\d{4})`)
	rePrice = regexp.MustCompile(`\$(\d+)(?:\.(\d\d))?`)
	reEmail = regexp.MustCompile(`\b([a-z0-9.]+)@([a-z0-9.-]+)\b`)
	reTime  = regexp.MustCompile(`\b(\d{1,2}):(\d\d)(am|pm)\b`)
	reNum   = regexp.MustCompile(`\b\d+\b`)
)

// speakNumbers rewrites order numbers, phone numbers, prices, email addresses, times
// and other numbers as a speech-to-text engine would write them down: mostly as words.
func (g *rng) speakNumbers(s string) string {
	s = reOrder.ReplaceAllStringFunc(s, func(m string) string {
		p := reOrder.FindStringSubmatch(m)
		letter := strings.ToLower(p[1])
		if g.chance(0.3) {
			return letter + " dash " + g.digitWords(p[2])
		}
		return letter + " " + g.digitWords(p[2])
	})
	s = rePhone.ReplaceAllStringFunc(s, func(m string) string {
		p := rePhone.FindStringSubmatch(m)
		return g.digitWords(p[1]) + " " + g.digitWords(p[2]) + " " + g.digitWords(p[3])
	})
	s = rePrice.ReplaceAllStringFunc(s, func(m string) string {
		p := rePrice.FindStringSubmatch(m)
		d, _ := strconv.Atoi(p[1])
		if p[2] == "" || p[2] == "00" {
			return numberWords(d) + " dollars"
		}
		c, _ := strconv.Atoi(p[2])
		if g.chance(0.5) {
			return numberWords(d) + " " + numberWords(c)
		}
		return numberWords(d) + " dollars " + numberWords(c)
	})
	s = reEmail.ReplaceAllStringFunc(s, func(m string) string {
		m = strings.ReplaceAll(m, "@", " at ")
		return strings.ReplaceAll(m, ".", " dot ")
	})
	s = reTime.ReplaceAllStringFunc(s, func(m string) string {
		p := reTime.FindStringSubmatch(m)
		h, _ := strconv.Atoi(p[1])
		mi, _ := strconv.Atoi(p[2])
		out := numberWords(h)
		if mi != 0 {
			out += " " + numberWords(mi)
		}
		return out + " " + strings.Join(strings.Split(p[3], ""), " ")
	})
	return reNum.ReplaceAllStringFunc(s, func(m string) string {
		n, err := strconv.Atoi(m)
		if err != nil || n > 9999 || (len(m) == 4 && g.chance(0.5)) {
			return g.digitWords(m)
		}
		if g.chance(0.15) {
			return m // the engine sometimes keeps digits
		}
		return numberWords(n)
	})
}
