#include "text/catalog.h"

namespace pcn::text {

namespace {
std::string guichet(int counter) { return "le guichet " + std::to_string(counter); }
}  // namespace

std::string unknown_counter(int counter) {
  return "Guichet inconnu : " + std::to_string(counter) + ".";
}
std::string unknown_service(const std::string& service) {
  return "Service inconnu : « " + service + " ».";
}
std::string unknown_ticket(const std::string& label) {
  return "Aucun ticket « " + label + " » aujourd’hui.";
}
std::string counter_paused(int counter) {
  return "Le guichet " + std::to_string(counter) + " est en pause : reprenez d’abord.";
}
std::string counter_already_paused(int counter) {
  return "Le guichet " + std::to_string(counter) + " est déjà en pause.";
}
std::string counter_not_paused(int counter) {
  return "Le guichet " + std::to_string(counter) + " n’est pas en pause.";
}
std::string counter_busy(int counter, const std::string& ticket) {
  return "Terminez d’abord le ticket " + ticket + " en cours au guichet " +
         std::to_string(counter) + ".";
}
std::string no_ticket_at_counter(int counter) {
  return "Aucun ticket en cours au guichet " + std::to_string(counter) + ".";
}
std::string queue_empty(int counter) {
  return "Personne n’attend pour les services de " + guichet(counter) + ".";
}
std::string ticket_not_callable(const std::string& label, const std::string& state_text) {
  return "Le ticket " + label + " ne peut pas être appelé : " + state_text + ".";
}
std::string ticket_at_other_counter(const std::string& label, int counter) {
  return "Le ticket " + label + " est déjà au guichet " + std::to_string(counter) + ".";
}
std::string same_service(const std::string& label, const std::string& service) {
  return "Le ticket " + label + " est déjà dans le service « " + service + " ».";
}
std::string counter_needs_service(int counter) {
  return "Le guichet " + std::to_string(counter) + " doit servir au moins un service.";
}
std::string agency_closed() {
  return "L’agence est fermée : aucun ticket n’est délivré en dehors des horaires d’ouverture.";
}
std::string stale_day(const std::string& day) {
  return "La journée du " + day + " est terminée ; la file passe au jour suivant.";
}

std::string state_waiting() { return "en attente"; }
std::string state_called() { return "appelé"; }
std::string state_done() { return "terminé"; }
std::string state_absent() { return "absent"; }
std::string state_unserved() { return "non servi à la fermeture"; }

// --- Protocol errors ---
std::string field_missing(const std::string& field) {
  return "Champ « " + field + " » manquant.";
}
std::string field_invalid(const std::string& field, const std::string& expected) {
  return "Champ « " + field + " » invalide : il faut " + expected + ".";
}
std::string expect_object() { return "un objet JSON"; }
std::string expect_list() { return "une liste"; }
std::string expect_text() { return "un texte"; }
std::string expect_boolean() { return "un booléen (true ou false)"; }
std::string expect_integer_from(long long min) {
  return "un entier supérieur ou égal à " + std::to_string(min);
}
std::string expect_nullable(const std::string& expected) { return "null ou " + expected; }
std::string expect_letter() { return "une lettre majuscule, de A à Z"; }
std::string expect_letters() { return "des lettres majuscules, de A à Z (par exemple « CFN »)"; }
std::string expect_date() { return "une date AAAA-MM-JJ"; }
std::string expect_colour() { return "une couleur #RRGGBB"; }
std::string expect_one_of(const std::string& names) { return "l’une des valeurs " + names; }
std::string expect_label(const std::string& label) {
  return "« " + label + " », formé du préfixe et du numéro";
}
std::string expect_text_length(int min_bytes, int max_bytes) {
  return "un texte de " + std::to_string(min_bytes) + " à " + std::to_string(max_bytes) +
         " octets";
}
std::string expect_epoch() { return "16 chiffres hexadécimaux"; }
std::string expect_value(const std::string& value) { return "la valeur « " + value + " »"; }
std::string message_not_json() {
  return "Message illisible : ce n’est pas du JSON valide en UTF-8.";
}
std::string message_not_object() { return "Message invalide : il faut un objet JSON."; }
std::string protocol_version_unsupported(const std::string& got, int supported) {
  return "Version du protocole non prise en charge : " + got + " (ce serveur parle la version " +
         std::to_string(supported) + ").";
}
std::string unknown_request_type(const std::string& type) {
  return "Type de requête inconnu : « " + type + " ».";
}
std::string unknown_message_type(const std::string& type) {
  return "Type de message inconnu : « " + type + " ».";
}
std::string request_too_large(long long bytes, long long max_bytes) {
  return "Requête trop volumineuse : " + std::to_string(bytes) + " octets (maximum " +
         std::to_string(max_bytes) + ").";
}
std::string request_forbidden(const std::string& type, const std::string& role) {
  return "L’opération « " + type + " » n’est pas permise au rôle « " + role + " ».";
}
std::string topic_mismatch(const std::string& topic, const std::string& type) {
  return "Le sujet « " + topic + " » ne correspond pas au message de type « " + type + " ».";
}

// --- Agency configuration ---
std::string config_problem(const std::string& file, int line, const std::string& key,
                           const std::string& problem) {
  std::string where = file;
  if (line > 0) where += ", ligne " + std::to_string(line);
  if (!key.empty()) where += " : " + key;
  return where + " : " + problem;
}
std::string config_file_missing(const std::string& path) {
  return "Fichier de configuration introuvable : « " + path + " ».";
}
std::string config_file_unreadable(const std::string& path) {
  return "Impossible de lire le fichier de configuration « " + path + " ».";
}
std::string config_syntax(int column, const std::string& detail) {
  return "syntaxe TOML invalide (colonne " + std::to_string(column) + ") : " + detail;
}
std::string config_missing_key() { return "clé obligatoire manquante"; }
std::string config_missing_table(const std::string& table) {
  return "table obligatoire manquante : ajoutez une section " + table;
}
std::string config_unknown_key(const std::string& key, const std::string& known_keys) {
  return "clé inconnue « " + key + " » (faute de frappe ?) ; clés reconnues : " + known_keys;
}
std::string config_wrong_type(const std::string& expected) {
  return "type de valeur incorrect : il faut " + expected;
}
std::string config_expect_text() { return "du texte entre guillemets"; }
std::string config_expect_integer() { return "un nombre entier"; }
std::string config_expect_boolean() { return "true ou false"; }
std::string config_expect_table(const std::string& table) {
  return "une table [" + table + "]";
}
std::string config_expect_tables(const std::string& table) {
  return "une ou plusieurs tables [[" + table + "]]";
}
std::string config_expect_text_list() { return "une liste de textes, par exemple [\"C\", \"F\"]"; }
std::string config_empty_value() { return "la valeur ne doit pas être vide"; }
std::string config_out_of_range(long long value, long long min, long long max) {
  return "valeur " + std::to_string(value) + " hors limites (de " + std::to_string(min) + " à " +
         std::to_string(max) + ")";
}
std::string config_too_small(long long value, long long min) {
  return "valeur " + std::to_string(value) + " trop petite (au moins " + std::to_string(min) + ")";
}
std::string config_not_one_of(const std::string& value, const std::string& choices) {
  return "valeur « " + value + " » inconnue ; valeurs possibles : " + choices;
}
std::string config_bad_prefix(const std::string& prefix) {
  return "le préfixe « " + prefix + " » doit être une seule lettre majuscule, de A à Z";
}
std::string config_duplicate_prefix(const std::string& prefix, const std::string& used_by) {
  return "le préfixe « " + prefix + " » est déjà utilisé par « " + used_by + " »";
}
std::string config_duplicate_code(const std::string& code, const std::string& used_by) {
  return "le code « " + code + " » est déjà utilisé par « " + used_by + " »";
}
std::string config_bad_colour(const std::string& colour) {
  return "couleur « " + colour + " » invalide (attendu #RRGGBB, par exemple #0072BC)";
}
std::string config_no_services() {
  return "aucun service : décrivez au moins un service dans une table [[services]]";
}
std::string config_no_counters() {
  return "aucun guichet : décrivez au moins un guichet dans une table [[counters]]";
}
std::string config_counter_unknown_service(const std::string& prefix) {
  return "le service « " + prefix + " » n’est décrit dans aucune table [[services]]";
}
std::string config_counter_without_service(int counter) {
  return "le guichet " + std::to_string(counter) + " doit servir au moins un service";
}
std::string config_duplicate_counter(int counter, const std::string& used_by) {
  return "le numéro de guichet " + std::to_string(counter) + " est déjà utilisé par « " +
         used_by + " »";
}
std::string config_bad_time_zone(const std::string& zone) {
  return "fuseau horaire inconnu « " + zone + " » (par exemple Pacific/Noumea)";
}
std::string config_bad_hours(const std::string& detail) {
  return detail + " ; exemple : \"07:30-11:30, 12:15-15:30\" ou \"fermé\"";
}
std::string config_same_ports(int port) {
  return "request_port et event_port doivent être différents (tous deux " +
         std::to_string(port) + ")";
}
std::string config_printer_needs_queue(const std::string& backend) {
  return "l’imprimante « " + backend + " » a besoin du nom de sa file CUPS (clé queue)";
}
std::string default_slip_message() { return "Un conseiller vous accompagne"; }

}  // namespace pcn::text
