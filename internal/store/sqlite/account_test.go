package sqlite_test

import (
	"testing"

	"github.com/tidings/tidings/internal/store/storetest"
)

func TestAccounts(t *testing.T) {
	storetest.RunAccounts(t, func(t *testing.T) storetest.AccountStore { return open(t) })
}
