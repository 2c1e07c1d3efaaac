// A real PostgreSQL 15 for one test: a cluster made by initdb in a temp folder, started by
// pg_ctl on a free port (127.0.0.1 and a Unix socket in the folder), a database "pcn" owned by
// the superuser "pcn" (trust authentication, this machine only). As root the programs run as
// the "postgres" user (PostgreSQL refuses root), on a folder it owns. Stopped (immediate) and
// removed at the end; kept with PCN_KEEP_TEMP=1. Failures to set up or to start throw
// std::runtime_error (a test fails with its message): no doctest here, pcn-bench-central uses it.
#pragma once

#include <string>

#include "support/temp_dir.h"

namespace pcn::testing {

class TestPostgres {
 public:
  TestPostgres();  ///< throws std::runtime_error when initdb, pg_ctl start or createdb fails
  ~TestPostgres();
  TestPostgres(const TestPostgres&) = delete;
  TestPostgres& operator=(const TestPostgres&) = delete;

  /// libpq's connection string for database `db`.
  std::string conninfo(const std::string& db = "pcn") const;
  int port() const { return port_; }

  /// Stops the server: "fast" (clean) or "immediate" (as a crash: no checkpoint).
  void stop(const std::string& mode = "fast");
  void start();
  /// Runs `sql` with psql on the pcn database; returns its output (unaligned, no headers).
  std::string psql(const std::string& sql) const;

 private:
  std::string as_owner(const std::string& command) const;
  TempDir dir_;
  std::string data_;
  int port_ = 0;
  bool running_ = false;
};

/// Whether PostgreSQL 15's programs are installed (.ci/packages: postgresql-15).
bool have_postgres();

}  // namespace pcn::testing
