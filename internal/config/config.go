// Package config holds Tidings' typed configuration, parsed once from flags
// and TIDINGS_* environment variables and passed down.
package config

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Config is the whole configuration of a Tidings process.
type Config struct {
	// DatabaseURL is "sqlite:PATH" or "postgres://…".
	DatabaseURL string
	// Listen is the address `tidings serve` listens on.
	Listen string
	// AllowPrivateNetworks lifts the fetcher's guard against loopback,
	// private, link-local and metadata addresses (tests and benchmarks).
	AllowPrivateNetworks bool
	// Workers is how many sources are fetched at once.
	Workers int
	// PerHost is how many requests may be in flight to one host at once.
	PerHost int
	// StoryWindow is how far back a new article looks for its story.
	StoryWindow time.Duration
	// UserAgent is sent with every request.
	UserAgent string
	// Analyze turns story analysis of new articles on (the default) or
	// off: off, Tidings is a plain reader with exact dedup only.
	Analyze bool
}

// Default returns the configuration used when nothing is set.
func Default() Config {
	return Config{
		DatabaseURL: "sqlite:./tidings.db",
		Listen:      "127.0.0.1:8080",
		Workers:     16,
		PerHost:     8,
		StoryWindow: 7 * 24 * time.Hour,
		UserAgent:   "Tidings/0.1 (+https://github.com/tidings/tidings)",
		Analyze:     true,
	}
}

// FromEnv returns Default overridden by the TIDINGS_* variables that getenv
// reports. It returns an error naming the variable whose value is invalid.
func FromEnv(getenv func(string) string) (Config, error) {
	c := Default()
	if v := getenv("TIDINGS_DATABASE_URL"); v != "" {
		c.DatabaseURL = v
	}
	if v := getenv("TIDINGS_LISTEN"); v != "" {
		c.Listen = v
	}
	if v := getenv("TIDINGS_ALLOW_PRIVATE_NETWORKS"); v != "" {
		b, err := parseBool(v)
		if err != nil {
			return c, fmt.Errorf("TIDINGS_ALLOW_PRIVATE_NETWORKS: %w", err)
		}
		c.AllowPrivateNetworks = b
	}
	if v := getenv("TIDINGS_ANALYZE"); v != "" {
		b, err := parseBool(v)
		if err != nil {
			return c, fmt.Errorf("TIDINGS_ANALYZE: %w", err)
		}
		c.Analyze = b
	}
	if v := getenv("TIDINGS_WORKERS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return c, fmt.Errorf("TIDINGS_WORKERS: want a positive number, got %q", v)
		}
		c.Workers = n
	}
	if v := getenv("TIDINGS_PER_HOST"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return c, fmt.Errorf("TIDINGS_PER_HOST: want a positive number, got %q", v)
		}
		c.PerHost = n
	}
	if v := getenv("TIDINGS_STORY_WINDOW"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 {
			return c, fmt.Errorf("TIDINGS_STORY_WINDOW: want a duration such as 168h, got %q", v)
		}
		c.StoryWindow = d
	}
	return c, nil
}

func parseBool(v string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "1", "true", "yes", "on":
		return true, nil
	case "0", "false", "no", "off":
		return false, nil
	}
	return false, fmt.Errorf("want true or false, got %q", v)
}
