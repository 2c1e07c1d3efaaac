// The programs' command lines in French: CLI11's help labels and its parse errors (its own texts
// are English), from the catalog.
#pragma once

#include <CLI/CLI.hpp>

#include <string>

namespace pcn::app {

/// CLI11's parse failure `e` of `app` in French ("argument inattendu : …").
std::string french_parse_error(const CLI::App& app, const CLI::Error& e);

/// French help and parse errors for `app`, whose name prefixes the errors ("pcn-central : …").
/// Call before adding options and subcommands (they copy these).
void speak_french(CLI::App& app);

}  // namespace pcn::app
