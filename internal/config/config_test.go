package config

import (
	"testing"
	"time"
)

func TestFromEnv(t *testing.T) {
	tests := []struct {
		name    string
		env     map[string]string
		check   func(Config) bool
		wantErr bool
	}{
		{"defaults", nil, func(c Config) bool { return c == Default() }, false},
		{"database and listen", map[string]string{"TIDINGS_DATABASE_URL": "postgres://x/y", "TIDINGS_LISTEN": ":9"},
			func(c Config) bool { return c.DatabaseURL == "postgres://x/y" && c.Listen == ":9" }, false},
		{"private networks", map[string]string{"TIDINGS_ALLOW_PRIVATE_NETWORKS": "yes"}, func(c Config) bool { return c.AllowPrivateNetworks }, false},
		{"analysis off", map[string]string{"TIDINGS_ANALYZE": "false"}, func(c Config) bool { return !c.Analyze }, false},
		{"window", map[string]string{"TIDINGS_STORY_WINDOW": "48h"}, func(c Config) bool { return c.StoryWindow == 48*time.Hour }, false},
		{"bad bool", map[string]string{"TIDINGS_ALLOW_PRIVATE_NETWORKS": "maybe"}, nil, true},
		{"bad workers", map[string]string{"TIDINGS_WORKERS": "0"}, nil, true},
		{"bad window", map[string]string{"TIDINGS_STORY_WINDOW": "a week"}, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := FromEnv(func(k string) string { return tt.env[k] })
			if (err != nil) != tt.wantErr {
				t.Fatalf("got error %v, want error %v", err, tt.wantErr)
			}
			if err == nil && !tt.check(c) {
				t.Errorf("got %+v", c)
			}
		})
	}
}
