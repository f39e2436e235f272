package main

import (
	"context"
	"errors"
)

func runReanalyze(ctx context.Context, m *Main, args []string) error {
	return errors.New("reanalyze: not built yet")
}
