package main

import (
	"context"
	"errors"
)

var errPending = errors.New("not built yet")

func runServe(ctx context.Context, m *Main, args []string) error   { return errPending }
func runWorker(ctx context.Context, m *Main, args []string) error  { return errPending }
func runMigrate(ctx context.Context, m *Main, args []string) error { return errPending }
func runAdd(ctx context.Context, m *Main, args []string) error     { return errPending }
func runImport(ctx context.Context, m *Main, args []string) error  { return errPending }
func runExport(ctx context.Context, m *Main, args []string) error  { return errPending }
func runRefresh(ctx context.Context, m *Main, args []string) error { return errPending }
func runSources(ctx context.Context, m *Main, args []string) error { return errPending }
func runStats(ctx context.Context, m *Main, args []string) error   { return errPending }
