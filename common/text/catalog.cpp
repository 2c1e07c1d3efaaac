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

}  // namespace pcn::text
