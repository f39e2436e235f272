package main

import (
	"context"
	"errors"
)

// runAnalyze is replaced by the story-intelligence work.
func runAnalyze(ctx context.Context, m *Main, args []string) error {
	return errors.New("analyze: not built yet")
}

func runEval(ctx context.Context, m *Main, args []string) error {
	return errors.New("eval: not built yet")
}

func runReanalyze(ctx context.Context, m *Main, args []string) error {
	return errors.New("reanalyze: not built yet")
}
