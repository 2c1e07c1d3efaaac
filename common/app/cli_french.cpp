#include "app/cli_french.h"

#include "text/catalog.h"

namespace pcn::app {

std::string french_parse_error(const CLI::App& app, const CLI::Error& e) {
  const std::string what = e.what();
  if (dynamic_cast<const CLI::ExtrasError*>(&e) != nullptr) {
    std::string args;
    for (const auto& a : app.remaining(true)) args += (args.empty() ? "" : " ") + a;
    auto colon = what.find(": ");
    if (args.empty() && colon != std::string::npos) args = what.substr(colon + 2);
    return text::cli_unexpected_arguments(args);
  }
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&e) != nullptr) {
    return text::cli_option_needs_value(what.substr(0, what.find(':')));
  }
  const std::string missing = "File does not exist: ";
  if (dynamic_cast<const CLI::ValidationError*>(&e) != nullptr &&
      what.find(missing) != std::string::npos) {
    return text::cli_file_missing(what.substr(what.find(missing) + missing.size()));
  }
  return text::cli_invalid(what);
}

namespace {

std::string french_failure(const CLI::App* app, const CLI::Error& e) {
  return app->get_name() + " : " + french_parse_error(*app, e) + "\n" +
         text::cli_see_help(app->get_name()) + "\n";
}

}  // namespace

void speak_french(CLI::App& app) {
  app.set_help_flag("-h,--help", text::cli_help_flag());
  app.failure_message(french_failure);
  app.group("Commandes");
  auto f = app.get_formatter();
  for (auto [english, french] : {std::pair{"Usage", "Utilisation"}, {"SUBCOMMAND", "COMMANDE"},
                                 {"Positionals", "Arguments"}, {"REQUIRED", "OBLIGATOIRE"},
                                 {"TEXT", "TEXTE"}, {"TEXT:FILE", "FICHIER"}, {"INT", "NOMBRE"}}) {
    f->label(english, french);
  }
}

}  // namespace pcn::app
