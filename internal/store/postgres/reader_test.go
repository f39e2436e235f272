package postgres_test

import (
	"testing"

	"github.com/tidings/tidings/internal/store/storetest"
)

func TestReader(t *testing.T) {
	storetest.RunReader(t, func(t *testing.T) storetest.Reader { return open(t) })
}
