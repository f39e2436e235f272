package intel

import "time"

// instant is a time.Time without its location, in 12 bytes instead of 24,
// for the times kept per article or story of the window:
// seconds since the zero time.Time (so that the zero values agree) and
// nanoseconds.
type instant struct {
	sec  int64
	nsec int32
}

// zeroUnix is the Unix time of the zero time.Time.
const zeroUnix = -62135596800

func at(t time.Time) instant { return instant{t.Unix() - zeroUnix, int32(t.Nanosecond())} }

func (a instant) before(b instant) bool { return a.sec < b.sec || a.sec == b.sec && a.nsec < b.nsec }
