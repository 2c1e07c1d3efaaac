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

}  // namespace pcn::text
