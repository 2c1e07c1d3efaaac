#include "text/catalog.h"

#include <cctype>
#include <cstdio>

namespace pcn::text {

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
  return "Personne n’attend pour les services du guichet " + std::to_string(counter) + ".";
}
std::string ticket_not_callable(const std::string& label, const std::string& state_text) {
  return "Le ticket " + label + " ne peut pas être appelé : " + state_text + ".";
}
std::string ticket_not_at_counter(const std::string& label, int counter) {
  return "Le ticket " + label + " n’est plus au guichet " + std::to_string(counter) +
         " : rien n’a été terminé.";
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

std::string bad_date(const std::string& text) {
  return "date invalide « " + text + " » (attendu AAAA-MM-JJ)";
}
std::string no_such_date(const std::string& text) { return "date inexistante « " + text + " »"; }
std::string unknown_time_zone(const std::string& name) {
  return "fuseau horaire inconnu « " + name + " »";
}
std::string hours_bad_interval(const std::string& part) {
  return "plage horaire invalide « " + part + " » (attendu HH:MM-HH:MM)";
}
std::string hours_empty_interval(const std::string& part) {
  return "plage horaire vide ou à l’envers « " + part + " »";
}
std::string hours_overlap(const std::string& day) {
  return "plages horaires qui se chevauchent ou dans le désordre « " + day + " »";
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
std::string expect_wait_range() {
  return "un nombre de minutes au moins égal à wait_low_minutes, et une heure de reprise dans la journée";
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
std::string message_too_deep(int max_levels) {
  return "Message refusé : plus de " + std::to_string(max_levels) +
         " niveaux de listes ou d’objets imbriqués.";
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
std::string config_bad_breaks(const std::string& detail) {
  return "pauses prévues illisibles : " + detail + " ; exemple : \"11:45-12:45\"";
}
std::string config_same_ports(int port) {
  return "request_port et event_port doivent être différents (tous deux " +
         std::to_string(port) + ")";
}
std::string config_printer_needs_queue(const std::string& backend) {
  return "l’imprimante « " + backend + " » a besoin du nom de sa file CUPS (clé queue)";
}
std::string config_bad_staff_pin() {
  return "le code de la page agent doit avoir de 4 à 8 chiffres, ou être vide (pas de page agent)";
}
std::string default_slip_message() { return "Un conseiller vous accompagne"; }

// --- Keys, allow-list and authentication ---
std::string os_permission_denied() { return "permission refusée"; }
std::string os_not_found() { return "fichier ou dossier introuvable"; }
std::string os_not_a_folder() { return "un élément du chemin n’est pas un dossier"; }
std::string os_is_a_folder() { return "c’est un dossier, pas un fichier"; }
std::string os_disk_full() { return "disque plein"; }
std::string os_read_only() { return "système de fichiers en lecture seule"; }
std::string os_address_in_use() { return "adresse déjà utilisée"; }
std::string os_invalid_argument() { return "paramètre refusé"; }
std::string os_other_error(int errnum) { return "erreur système " + std::to_string(errnum); }
std::string invalid_key_name(const std::string& name) {
  return "Nom de clé invalide : « " + name +
         " ». Utilisez de 1 à 32 caractères parmi a-z, 0-9 et le tiret.";
}
std::string invalid_key_role(const std::string& role) {
  return "Rôle inconnu : « " + role +
         " ». Rôles possibles : hub, kiosk, agent, display, supervisor.";
}
std::string key_generation_failed(const std::string& detail) {
  return "Impossible de générer une paire de clés CurveZMQ : " + detail + ".";
}
std::string key_file_secret_header(const std::string& name) {
  return "Clé SECRÈTE CurveZMQ de « " + name + " » (pcn-queue).\n"
         "Ne la copiez sur aucune autre machine et ne la transmettez à personne :\n"
         "qui la possède peut se faire passer pour « " + name + " » auprès du hub.";
}
std::string key_file_public_header(const std::string& name) {
  return "Clé publique CurveZMQ de « " + name + " » (pcn-queue).\n"
         "Elle peut être copiée sans risque, par exemple dans le dossier allowed/ du hub.";
}
std::string key_file_exists(const std::string& path) {
  return "Le fichier « " + path + " » existe déjà et n’a pas été remplacé. "
         "Supprimez-le d’abord si vous voulez vraiment une nouvelle clé.";
}
std::string key_file_unwritable(const std::string& path, const std::string& detail) {
  return "Impossible d’écrire le fichier de clé « " + path + " » : " + detail + ".";
}
std::string key_file_unreadable(const std::string& path, const std::string& detail) {
  return "Impossible de lire le fichier de clé « " + path + " » : " + detail + ".";
}
std::string key_folder_uncreatable(const std::string& path, const std::string& detail) {
  return "Impossible de créer le dossier de clés « " + path + " » : " + detail + ".";
}
std::string key_file_bad_line(const std::string& path, int line) {
  return "Fichier de clé « " + path + " », ligne " + std::to_string(line) +
         " : ligne illisible (attendu : nom = \"valeur\").";
}
std::string key_file_unknown_entry(const std::string& path, const std::string& entry) {
  return "Fichier de clé « " + path + " » : entrée inconnue « " + entry + " ».";
}
std::string key_file_duplicate_entry(const std::string& path, const std::string& entry) {
  return "Fichier de clé « " + path + " » : l’entrée « " + entry + " » apparaît deux fois.";
}
std::string key_file_missing_entry(const std::string& path, const std::string& entry) {
  return "Fichier de clé « " + path + " » : l’entrée « " + entry + " » manque.";
}
std::string key_file_bad_name(const std::string& path, const std::string& name) {
  return "Fichier de clé « " + path + " » : nom invalide « " + name +
         " » (1 à 32 caractères parmi a-z, 0-9 et le tiret).";
}
std::string key_file_bad_role(const std::string& path, const std::string& role) {
  return "Fichier de clé « " + path + " » : rôle inconnu « " + role + " ».";
}
std::string key_file_bad_key(const std::string& path, const std::string& entry) {
  return "Fichier de clé « " + path + " » : l’entrée « " + entry +
         " » n’est pas une clé Z85 valide (40 caractères qui codent 32 octets).";
}
std::string key_file_mismatch(const std::string& path) {
  return "Fichier de clé « " + path + " » : la clé secrète ne correspond pas à la clé publique.";
}
std::string key_file_secret_missing(const std::string& path) {
  return "Fichier de clé « " + path + " » : l’entrée « secret » manque ; un fichier .key "
         "contient la clé secrète.";
}
std::string public_file_has_secret(const std::string& path) {
  return "Le fichier public « " + path + " » contient une clé secrète : il est refusé. "
         "Un fichier .pub ne garde que name, role et public ; ne diffusez pas celui-ci.";
}
std::string key_file_stale_copy(const std::string& copy, const std::string& key_file) {
  return "Le fichier « " + copy + " » ne porte pas la clé publique de « " + key_file +
         " ». Supprimez la copie périmée puis relancez keygen.";
}
std::string key_orphan_public(const std::string& path) {
  return "Le fichier « " + path + " » existe sans son fichier .key : supprimez-le ou remettez "
         "la clé secrète en place avant de relancer keygen.";
}
std::string allow_list_unreadable(const std::string& folder, const std::string& detail) {
  return "Impossible de lire le dossier des clés autorisées « " + folder + " » : " + detail + ".";
}
std::string allow_list_not_client(const std::string& path, const std::string& role) {
  return "Clés autorisées : « " + path + " » a le rôle « " + role +
         " », qui n’est pas un rôle de client (kiosk, agent, display, supervisor).";
}
std::string allow_list_not_agency(const std::string& path, const std::string& role) {
  return "Clés des agences : « " + path + " » a le rôle « " + role +
         " », qui n’est pas une clé d’agence (rôle agency).";
}
std::string allow_list_duplicate_key(const std::string& path, const std::string& other) {
  return "Clés autorisées : « " + path + " » et « " + other + " » portent la même clé publique.";
}
std::string allow_list_duplicate_name(const std::string& path, const std::string& other) {
  return "Clés autorisées : « " + path + " » et « " + other + " » portent le même nom.";
}
std::string curve_secret_missing(const std::string& name) {
  return "La clé de « " + name + " » n’a pas de partie secrète : il faut son fichier .key, "
         "pas le .pub.";
}
std::string curve_key_invalid(const std::string& name) {
  return "La paire de clés de « " + name + " » n’est pas faite de clés Z85 valides.";
}
std::string server_key_invalid(const std::string& key) {
  return "Clé publique du hub invalide : « " + key + " » (attendu : 40 caractères Z85).";
}
std::string zmq_failure(const std::string& operation, const std::string& detail) {
  return "Erreur ZeroMQ pendant " + operation + " : " + detail + ".";
}
std::string curve_server_setup() { return "la configuration CURVE du serveur"; }
std::string curve_client_setup() { return "la configuration CURVE du client"; }
std::string zap_accepted(const std::string& role, const std::string& name,
                         const std::string& address) {
  return "Connexion acceptée : « " + name + " » (" + role + ") depuis " + address + ".";
}
std::string zap_refused_unknown_key(const std::string& key, const std::string& address) {
  return "Connexion refusée depuis " + address + " : clé publique inconnue " + key +
         ". Si ce poste doit être admis, mettez son fichier .pub dans le dossier allowed/ du hub.";
}
std::string zap_refused_domain(const std::string& domain, const std::string& address) {
  return "Connexion refusée depuis " + address + " : domaine « " + domain + " » non servi.";
}
std::string zap_refused_mechanism(const std::string& mechanism, const std::string& address) {
  return "Connexion refusée depuis " + address + " : mécanisme « " + mechanism +
         " » au lieu de CURVE.";
}
std::string zap_malformed_request() {
  return "Demande d’authentification ZAP mal formée : refusée.";
}

// --- Store ---
std::string storage_error(const std::string& file, const std::string& detail) {
  return "Erreur de la base de données « " + file + " » : " + detail + ".";
}
std::string storage_no_row(const std::string& sql) {
  return "la requête « " + sql + " » n’a renvoyé aucune ligne";
}
std::string database_open_failed(const std::string& file, const std::string& detail) {
  return "Impossible d’ouvrir la base de données « " + file + " » : " + detail + ".";
}
std::string database_empty(const std::string& file) {
  return "La base de la file " + file + " est vide (0 octet) : démarrer dessus recommencerait les "
         "numéros à 1. Restaurez-la depuis une sauvegarde, ou, pour repartir d’une journée vide, "
         "supprimez ce fichier.";
}
std::string database_damaged(const std::string& file, const std::string& verdict) {
  return "La base de la file " + file + " est endommagée (contrôle d’intégrité SQLite : « " +
         verdict.substr(0, 200) + " ») : le serveur ne démarre pas dessus. Restaurez-la depuis "
         "une sauvegarde.";
}
std::string database_in_use(const std::string& file) {
  return "La base de données « " + file + " » est déjà utilisée par un autre programme "
         "(un autre hub est-il lancé ?). Un seul hub peut s’en servir à la fois : arrêtez "
         "l’autre avant de relancer celui-ci.";
}
std::string database_too_new(const std::string& file, int found, int supported) {
  return "La base de données « " + file + " » a été écrite par une version plus récente du "
         "programme (schéma " + std::to_string(found) + ", cette version connaît jusqu’au schéma " +
         std::to_string(supported) + ") : installez la version à jour du programme.";
}
std::string database_no_wal(const std::string& file, const std::string& mode) {
  return "La base de données « " + file + " » refuse le journal WAL (mode « " + mode +
         " ») : placez-la sur un disque local.";
}
std::string lock_failed(const std::string& lock_file, const std::string& detail) {
  return "Impossible de verrouiller le fichier « " + lock_file + " » : " + detail + ".";
}
std::string event_log_missing(const std::string& path) {
  return "Journal de l’agence introuvable : « " + path +
         " » n’existe pas (le serveur de la file ne l’a pas encore créé).";
}
std::string stored_value_unreadable(const std::string& file, const std::string& where,
                                    const std::string& value) {
  return "La base de données « " + file + " » contient une valeur illisible en " + where +
         " : « " + value + " ».";
}
std::string stored_event_unreadable(const std::string& file, long long seq,
                                    const std::string& detail) {
  return "L’événement n° " + std::to_string(seq) + " de la base de données « " + file +
         " » est illisible : " + detail + ".";
}

// --- Hub and clients ---

std::string hub_started(const std::string& requests, const std::string& events,
                        const std::string& epoch, bool plaintext) {
  return "Serveur de file démarré : requêtes " + requests + ", événements " + events +
         ", époque " + epoch +
         (plaintext ? " — SANS chiffrement (mode développement)" : ", chiffrement CurveZMQ");
}
std::string hub_bind_failed(const std::string& requests, const std::string& events,
                            const std::string& detail) {
  return "Impossible d’ouvrir les ports du serveur (" + requests + ", " + events + ") : " + detail +
         ". Un autre serveur tourne-t-il déjà sur ce poste ?";
}
std::string hub_socket_error(const std::string& detail) {
  return "Erreur réseau du serveur : " + detail;
}
std::string hub_bad_frames() {
  return "Message mal découpé : une requête tient en une seule trame (précédée au plus d’une "
         "trame vide).";
}
std::string hub_internal_error(const std::string& request_type, const std::string& detail) {
  return "Erreur interne du serveur pendant « " + request_type + " » : " + detail + ".";
}
std::string hub_history_unreadable(const std::string& reason) {
  return "durées des visites des jours précédents illisibles (l’estimation part des durées typiques de la configuration) : " + reason;
}
std::string hub_day_rolled(const std::string& day, int closed) {
  return "Nouvelle journée " + day + " : " + std::to_string(closed) +
         " ticket(s) de la veille clôturé(s).";
}
std::string hub_clock_behind(const std::string& stored_day, const std::string& today) {
  return "ATTENTION : la base de la file est déjà au " + stored_day +
         ", mais l’horloge de ce poste indique le " + today +
         ". Aucun ticket ne sera délivré tant que l’heure n’est pas corrigée (vérifiez la date "
         "et le fuseau horaire du poste).";
}
std::string hub_unreachable() {
  return "Le serveur de la file ne répond pas. Rien n’a été modifié ; vérifiez le réseau et "
         "réessayez.";
}
std::string bad_endpoint(const std::string& endpoint, const std::string& detail) {
  return "Adresse réseau invalide « " + endpoint + " » : " + detail;
}
std::string connection_connecting() { return "Connexion au serveur…"; }
std::string connection_live() { return "Connecté"; }
std::string connection_lost() { return "Reconnexion…"; }

// --- Programs' command lines and start-up ---

std::string folder_not_created(const std::string& folder, const std::string& detail) {
  return "Impossible de créer le dossier « " + folder + " » : " + detail + ".";
}
std::string hub_stopped() { return "Serveur de file arrêté proprement."; }
std::string key_written(const std::string& file) { return "Clé écrite : " + file; }
std::string keys_already_there(const std::string& folder) {
  return "Toutes les clés de l’agence sont déjà dans « " + folder + " » ; rien n’a été changé.";
}
std::string ticket_printer_about() {
  return "Borne à tickets du Point Conseil Numérique : héberge le serveur de la file d’attente "
         "de l’agence (et, sur la borne, l’écran tactile et l’impression des tickets).";
}
std::string option_config() {
  return "fichier de configuration de l’agence (TOML) ; sans lui, l’agence par défaut";
}
std::string option_plaintext() {
  return "sans chiffrement ni contrôle des clés : développement sur un seul poste uniquement";
}
std::string option_headless() { return "serveur seul, sans écran"; }
std::string keygen_about() {
  return "crée une paire de clés CurveZMQ (NOM.key secrète, NOM.pub publique) dans le dossier des "
         "clés ; les clés des clients sont ajoutées à la liste autorisée (allowed/)";
}
std::string option_key_name() { return "nom de la clé, p. ex. « guichet-2 » (a-z, 0-9, -)"; }
std::string option_role() { return "rôle : kiosk, agent, display, supervisor ou hub"; }
std::string option_agency_keys() {
  return "crée toutes les clés d’une agence (hub, kiosk, display, agent, supervisor) ; "
         "garde celles qui existent";
}
std::string keygen_usage() {
  return "indiquez un NOM et --role ROLE, ou --agency pour toutes les clés de l’agence";
}

// --- Display and agent console ---

std::string client_hub_unreachable(const std::string& endpoint, int seconds) {
  return "Le serveur de la file (" + endpoint + ") ne répond pas après " +
         std::to_string(seconds) +
         " s : vérifiez que la borne est allumée, le réseau et les clés du poste.";
}
std::string option_client_key(const std::string& default_name) {
  return "nom de la clé du poste dans le dossier des clés (NOM.key) ; par défaut « " +
         default_name + " »";
}
std::string display_about() {
  return "Écran de la salle d’attente du Point Conseil Numérique : suit la file de l’agence et "
         "annonce les appels.";
}
std::string option_display_once() {
  return "se connecte, affiche le nombre de personnes en attente par service, puis s’arrête";
}
std::string display_call(const std::string& time, const std::string& ticket,
                         const std::string& counter) {
  return time + "  " + ticket + " → " + counter;
}
std::string display_recall(const std::string& time, const std::string& ticket,
                           const std::string& counter) {
  return time + "  " + ticket + " → " + counter + " (rappel)";
}
std::string display_counter_number(int counter) { return "Guichet " + std::to_string(counter); }
std::string display_waiting_summary(const std::string& items) { return "En attente : " + items; }
std::string display_waiting_item(const std::string& service, int waiting) {
  return service + " " + std::to_string(waiting);
}
std::string agent_console_about() {
  return "Console des agents du Point Conseil Numérique : état de la file et des guichets de "
         "l’agence.";
}
std::string console_status_about() {
  return "affiche les services (personnes en attente, attente estimée) et les guichets";
}
std::string console_status_agency(const std::string& name) { return "Agence : " + name; }
std::string console_status_services() { return "Services :"; }
std::string console_status_service(const std::string& service, int waiting,
                                   const std::string& wait) {
  return service + " : " + std::to_string(waiting) + " en attente, " + wait;
}
std::string console_status_counters() { return "Guichets :"; }
std::string console_status_counter(const std::string& counter, const std::string& agent,
                                   const std::string& state, const std::string& serving) {
  return counter + (agent.empty() ? "" : " (" + agent + ")") + " : " + state + ", " + serving;
}
std::string console_counter_open() { return "ouvert"; }
std::string console_counter_on_pause() { return "en pause"; }
std::string console_serving(const std::string& ticket) { return "sert " + ticket; }
std::string console_serving_nobody() { return "aucun ticket en cours"; }
std::string console_command_required() {
  return "indiquez une commande, p. ex. « status » (--help pour la liste)";
}

// --- Kiosk behaviour ---

std::string long_date(int weekday, unsigned day, unsigned month, int year) {
  static const char* const kDays[] = {"lundi", "mardi", "mercredi", "jeudi",
                                      "vendredi", "samedi", "dimanche"};
  static const char* const kMonths[] = {"janvier", "février", "mars", "avril", "mai", "juin",
                                        "juillet", "août", "septembre", "octobre", "novembre",
                                        "décembre"};
  std::string d = (weekday >= 0 && weekday < 7) ? kDays[weekday] : "";
  std::string m = (month >= 1 && month <= 12) ? kMonths[month - 1] : "";
  return d + " " + (day == 1 ? "1er" : std::to_string(day)) + " " + m + " " + std::to_string(year);
}
std::string long_date_time(int weekday, unsigned day, unsigned month, int year,
                           const std::string& hh_mm) {
  return long_date(weekday, day, month, year) + " — " + hh_mm;
}
std::string print_job_title(const std::string& label, bool duplicate) {
  return "pcn-" + label + (duplicate ? "-duplicata" : "");
}
std::string kiosk_closed_detail() {
  return "Revenez aux heures d’ouverture : un conseiller vous accueillera avec plaisir.";
}
std::string take_printed(const std::string& label, const std::string& service) {
  return "Ticket " + label + " (" + service + ") imprimé.";
}
std::string take_not_printed(const std::string& label, const std::string& reason) {
  return "Ticket " + label + " valide mais NON imprimé : " + reason;
}
std::string take_about() {
  return "prend un ticket au serveur de la file et l’imprime, comme la borne (scripts, boîtiers "
         "à boutons)";
}
std::string option_service() { return "lettre du service, p. ex. C pour la CAFAT"; }
std::string option_priority() {
  return "ticket prioritaire (personnes âgées, handicapées, femmes enceintes)";
}
std::string option_hub() {
  return "serveur de la file sur un autre poste : HÔTE[:PORT] (borne secondaire)";
}
std::string option_key() { return "nom de la clé de ce poste dans le dossier des clés (défaut : kiosk)"; }
std::string option_window() {
  return "fenêtre LxH au lieu du plein écran (essais, démonstrations), p. ex. 1024x768";
}
std::string bad_window_size(const std::string& text) {
  return "taille de fenêtre invalide « " + text + " » (attendu LARGEURxHAUTEUR, p. ex. 1024x768)";
}

// --- Ticket slip ---
std::string slip_priority() { return "Prioritaire"; }
std::string slip_ahead(int people) {
  if (people <= 0) return "Personne avant vous";
  if (people == 1) return "1 personne avant vous";
  return std::to_string(people) + " personnes avant vous";
}
std::string slip_wait_unknown() { return "Attente : estimation indisponible"; }
std::string slip_duplicate() { return "Duplicata"; }
std::string slip_document_title(const std::string& label) { return "Ticket " + label; }
std::string slip_render_failed(const std::string& detail) {
  return "Le ticket n’a pas pu être dessiné : " + detail + ".";
}
std::string slip_qr_too_long(long long bytes) {
  return "Le contenu du QR code du ticket est trop long (" + std::to_string(bytes) +
         " octets) : raccourcissez l’adresse dans la configuration de l’agence.";
}
std::string slip_qr_failed(int errnum) {
  return "Le QR code du ticket n’a pas pu être créé (erreur système " + std::to_string(errnum) +
         ").";
}

// --- Printing ---

std::string printer_cups_name(const std::string& queue) { return "CUPS « " + queue + " »"; }
std::string printer_escpos_name(const std::string& queue) { return "ESC/POS « " + queue + " »"; }
std::string printer_file_name(const std::string& folder) { return "dossier « " + folder + " »"; }
std::string print_cups_unreachable(const std::string& server, const std::string& detail) {
  return "Le service d’impression CUPS (" + server + ") ne répond pas : " + detail +
         ". Vérifiez qu’il est démarré (lpstat -r).";
}
std::string print_queue_missing(const std::string& queue) {
  return "L’imprimante « " + queue + " » n’existe pas dans CUPS : vérifiez le nom dans la "
         "section [printer] de la configuration (lpstat -p donne la liste des imprimantes).";
}
std::string print_queue_stopped(const std::string& queue, const std::string& detail) {
  std::string why = detail.empty() ? "" : " (" + detail + ")";
  return "L’imprimante « " + queue + " » est arrêtée" + why +
         " : vérifiez le papier, le câble et l’alimentation, puis relancez-la (cupsenable " +
         queue + ").";
}
std::string print_queue_rejecting(const std::string& queue) {
  return "L’imprimante « " + queue + " » refuse les impressions : réactivez-la (cupsaccept " +
         queue + ").";
}
std::string print_option_unsafe(const std::string& queue, const std::string& option) {
  return "Ticket non envoyé à « " + queue + " » : l’option d’impression « " + option +
         " » contient des caractères que CUPS ne reçoit pas sans risque.";
}
std::string print_job_refused(const std::string& queue, const std::string& detail) {
  return "CUPS n’a pas pu imprimer le ticket sur « " + queue + " » : " + detail + ".";
}
std::string print_job_aborted(const std::string& queue, int job_id) {
  return "L’impression du ticket sur « " + queue + " » a échoué (travail " +
         std::to_string(job_id) + " abandonné par CUPS).";
}
std::string print_job_cancelled(const std::string& queue, int job_id) {
  return "L’impression du ticket sur « " + queue + " » a été annulée (travail " +
         std::to_string(job_id) + ").";
}
std::string print_job_timeout(const std::string& queue, int job_id, long long milliseconds,
                              const std::string& detail) {
  std::string limit = milliseconds % 1000 == 0 ? std::to_string(milliseconds / 1000) + " s"
                                               : std::to_string(milliseconds) + " ms";
  return "L’imprimante « " + queue + " » n’a pas imprimé le ticket en " + limit +
         (detail.empty() ? "" : " (" + detail + ")") + " : travail " + std::to_string(job_id) +
         " annulé.";
}
std::string print_render_failed(const std::string& printer, const std::string& detail) {
  return "Impression impossible sur " + printer + " : " + detail;
}
std::string print_file_failed(const std::string& path, const std::string& detail) {
  return "Le ticket n’a pas pu être écrit dans « " + path + " » : " + detail + ".";
}

// --- Kiosk screen ---

std::string kiosk_choose_service() { return "Choisissez votre démarche"; }
std::string kiosk_priority_toggle() {
  return "Ticket prioritaire : personnes âgées, handicapées, femmes enceintes";
}
std::string kiosk_priority_yes() { return "Oui"; }
std::string kiosk_priority_no() { return "Non"; }
std::string kiosk_waiting(int waiting) {
  if (waiting <= 0) return "Pas d’attente";
  if (waiting == 1) return "1 personne attend";
  return std::to_string(waiting) + " personnes attendent";
}
std::string kiosk_your_ticket() { return "Votre numéro"; }
std::string kiosk_priority_ticket() { return "Prioritaire"; }
std::string kiosk_people_ahead(int ahead) {
  if (ahead <= 0) return "Personne avant vous";
  if (ahead == 1) return "1 personne avant vous";
  return std::to_string(ahead) + " personnes avant vous";
}
std::string kiosk_keep_ticket() { return "Gardez votre ticket"; }
std::string kiosk_touch_to_return() { return "Touchez l’écran pour revenir"; }
std::string kiosk_note_number() { return "Notez votre numéro"; }
std::string kiosk_agent_warned() { return "Un agent a été prévenu"; }
std::string kiosk_closed_message() { return "L’agence est fermée"; }
std::string kiosk_unreachable_message() { return "Service momentanément indisponible"; }
std::string font_missing(const std::string& path) {
  return "Police de caractères introuvable : « " + path +
         " » (installez le paquet fonts-dejavu-core).";
}
std::string font_unreadable(const std::string& path) {
  return "Police de caractères illisible : « " + path + " ».";
}
std::string render_failed(unsigned width, unsigned height) {
  return "Impossible de dessiner l’écran en " + std::to_string(width) + "×" +
         std::to_string(height) + " (OpenGL indisponible ?).";
}
std::string screenshot_failed(const std::string& path) {
  return "L’image de l’écran n’a pas pu être enregistrée dans « " + path + " ».";
}

// --- Wall display behaviour ---

std::string counter_name(int counter) { return "Guichet " + std::to_string(counter); }
std::string option_display_text() {
  return "sans écran graphique : écrit les appels et les attentes dans le terminal";
}
std::string option_no_sound() { return "sans carillon ni voix"; }
std::string option_screenshot() {
  return "se connecte, dessine une image de l’écran dans ce fichier PNG et s’arrête";
}
std::string option_screenshot_size() { return "taille de l’image LxH (défaut 1920x1080)"; }
std::string display_print_alert(const std::string& ticket) {
  return "Imprimante : le ticket " + ticket + " n’a pas été imprimé ; un agent a été prévenu.";
}

std::string speech_call(const std::string& ticket_words, const std::string& counter_words) {
  return "Numéro " + ticket_words + ", guichet " + counter_words;
}
std::string speech_voice_missing(const std::string& program) {
  return "Voix indisponible : le programme « " + program +
         " » est introuvable (installez le paquet espeak-ng). Les appels sont annoncés par le "
         "carillon seul.";
}
std::string speech_voice_failed(const std::string& program, const std::string& detail) {
  return "La voix (« " + program + " ») n’a pas pu dire l’appel : " + detail + ".";
}
std::string speech_voice_timeout(long long milliseconds) {
  return "pas de réponse après " + std::to_string(milliseconds) + " ms, programme arrêté";
}
std::string speech_voice_exit(int code) {
  return "le programme s’est terminé avec le code " + std::to_string(code);
}
std::string speech_voice_signal(int signal) {
  return "le programme a été interrompu (signal " + std::to_string(signal) + ")";
}
std::string speech_voice_bad_sound(const std::string& expected) {
  return "Le son produit par la voix est illisible (attendu : " + expected + ").";
}

// --- Wall display screen ---

std::string board_no_call() { return "Aucun appel pour le moment"; }
std::string board_previous_title() { return "Appels précédents"; }
std::string board_queues_title() { return "En attente"; }
std::string board_to_counter(const std::string& counter) { return "→ " + counter; }
std::string board_waiting(int waiting) {
  if (waiting <= 0) return "Personne";
  return std::to_string(waiting) + " en attente";
}
std::string board_estimate(const std::string& wait) { return wait.empty() ? "—" : wait; }

// --- Screenshots of the programs' screens ---

std::string kiosk_screenshot_about() {
  return "dessine l’écran d’accueil de la borne, tel qu’il est maintenant, dans un fichier PNG";
}
std::string screenshot_written(const std::string& path) { return "Image enregistrée : " + path; }

// --- Counter actions (agent console) ---

std::string counter_action_call_next() { return "appeler le suivant"; }
std::string counter_action_recall() { return "rappeler"; }
std::string counter_action_no_show() { return "marquer absent"; }
std::string counter_action_finish() { return "terminer"; }
std::string counter_action_transfer(const std::string& service) {
  return "transférer vers " + service;
}
std::string counter_action_call_number(const std::string& ticket) { return "appeler " + ticket; }
std::string counter_action_pause() { return "mettre en pause"; }
std::string counter_action_resume() { return "reprendre"; }
std::string counter_action_called(const std::string& counter, const std::string& ticket,
                                  const std::string& service) {
  return counter + " : " + ticket + " (" + service + ") appelé";
}
std::string counter_action_recalled(const std::string& counter, const std::string& ticket,
                                    int calls) {
  return counter + " : " + ticket + " rappelé (appel n° " + std::to_string(calls) + ")";
}
std::string counter_action_no_show_requeued(const std::string& counter, const std::string& ticket) {
  return counter + " : " + ticket + " absent, remis en fin de file";
}
std::string counter_action_no_show_closed(const std::string& counter, const std::string& ticket) {
  return counter + " : " + ticket + " absent, ticket clôturé";
}
std::string counter_action_finished(const std::string& counter, const std::string& ticket) {
  return counter + " : " + ticket + " terminé";
}
std::string counter_action_transferred(const std::string& counter, const std::string& ticket,
                                       const std::string& service) {
  return counter + " : " + ticket + " envoyé vers " + service;
}
std::string counter_action_paused(const std::string& counter) { return counter + " en pause"; }
std::string counter_action_resumed(const std::string& counter) {
  return counter + " : fin de la pause, les appels reprennent";
}
std::string counter_action_done(const std::string& counter, const std::string& action) {
  return counter + " : « " + action + " » fait";
}
std::string counter_action_unreachable(const std::string& endpoint, int counter,
                                       const std::string& action) {
  std::string hub = "Le serveur de la file";
  if (!endpoint.empty()) hub += " (" + endpoint + ")";
  return hub + " n’a pas répondu : « " + action + " » n’a pas été fait au guichet " +
         std::to_string(counter) + " et rien n’a été modifié. Vérifiez le réseau, puis réessayez.";
}
std::string console_call_next_about() {
  return "appelle le visiteur suivant au guichet (celui qui y était est terminé)";
}
std::string console_recall_about() { return "rappelle le ticket en cours au guichet"; }
std::string console_no_show_about() {
  return "le visiteur appelé ne s’est pas présenté : son ticket repasse en fin de file (ou est "
         "clôturé après plusieurs absences)";
}
std::string console_finish_about() { return "termine le ticket en cours au guichet"; }
std::string console_transfer_about() {
  return "envoie le ticket en cours vers un autre service (sa lettre ou son libellé)";
}
std::string console_call_about() {
  return "appelle un ticket par son numéro, hors tour (p. ex. C-042, c42 ou « C 42 »)";
}
std::string console_pause_about() { return "met le guichet en pause : il n’appelle plus personne"; }
std::string console_resume_about() { return "reprend les appels après une pause"; }
std::string option_counter() { return "numéro du guichet (obligatoire pour les actions)"; }
std::string option_json() {
  return "écrit le résultat en un objet JSON sur la sortie standard (pour les scripts)";
}
std::string argument_service() { return "service de destination : lettre ou libellé"; }
std::string argument_ticket_number() { return "numéro du ticket, p. ex. C-042"; }
std::string console_counter_required(const std::string& known) {
  return "indiquez le guichet avec --counter N (guichets de l’agence : " + known + ")";
}
std::string console_counter_not_a_number(const std::string& typed, const std::string& known) {
  std::string message =
      "« " + typed + " » n’est pas un numéro de guichet : indiquez un nombre avec --counter";
  return known.empty() ? message : message + " (guichets de l’agence : " + known + ")";
}
std::string console_counter_not_configured(int counter, const std::string& known) {
  return "le guichet " + std::to_string(counter) +
         " n’existe pas dans la configuration de l’agence (guichets : " + known + ")";
}
std::string console_service_required(const std::string& known) {
  return "indiquez le service de destination : " + known;
}
std::string console_service_not_found(const std::string& typed, const std::string& known) {
  return "service inconnu « " + typed + " » : indiquez sa lettre ou son libellé parmi " + known;
}
std::string console_ticket_required() {
  return "indiquez le numéro du ticket à appeler, p. ex. C-042";
}
std::string console_ticket_not_a_label(const std::string& typed) {
  return "« " + typed + " » n’est pas un numéro de ticket : tapez p. ex. C-042, c42 ou « C 42 »";
}
std::string cli_unexpected_arguments(const std::string& arguments) {
  return "commande ou argument inattendu : « " + arguments + " »";
}
std::string cli_option_needs_value(const std::string& option) {
  return "l’option " + option + " attend une valeur";
}
std::string cli_file_missing(const std::string& path) {
  return "fichier introuvable : « " + path + " »";
}
std::string cli_invalid(const std::string& detail) {
  return "ligne de commande invalide (" + detail + ")";
}
std::string cli_see_help(const std::string& program) { return "Aide : " + program + " --help"; }
std::string cli_help_flag() { return "affiche cette aide et s’arrête"; }

// --- Report (agent-console report) ---

std::string report_total() { return "Total"; }
std::string report_no_sample() { return "—"; }
std::string report_under_a_minute() { return "< 1 min"; }
std::string report_minutes(int minutes) { return std::to_string(minutes) + " min"; }
std::string report_hours_minutes(int hours, int minutes) {
  return std::to_string(hours) + " h " + (minutes < 10 ? "0" : "") + std::to_string(minutes);
}
std::string report_percent(int percent) { return std::to_string(percent) + " %"; }
std::string report_title(const std::string& agency) {
  return "Rapport de fréquentation — " + agency;
}
std::string report_one_day(const std::string& date) { return "Journée du " + date; }
std::string report_range(const std::string& from, const std::string& to, int days,
                         int open_days) {
  std::string open = open_days == 0 ? "aucun jour d’ouverture"
                     : open_days == 1 ? "1 jour d’ouverture"
                                      : std::to_string(open_days) + " jours d’ouverture";
  return "Du " + from + " au " + to + " (" + std::to_string(days) + " jours, dont " + open + ")";
}
std::string report_opening_time(const std::string& duration) {
  return "Temps d’ouverture : " + duration;
}
std::string report_never_open() {
  return "L’agence n’avait aucun horaire d’ouverture sur cette période.";
}
std::string report_services_title() { return "Tickets par service"; }
std::string report_col_service() { return "Service"; }
std::string report_col_tickets() { return "Tickets"; }
std::string report_col_served() { return "Servis"; }
std::string report_col_no_show() { return "Absents"; }
std::string report_col_not_served() { return "Non servis"; }
std::string report_col_open() { return "En cours"; }
std::string report_services_note(bool with_open) {
  std::string note =
      "Absents : appelés sans se présenter. Non servis : encore en attente à la fermeture.";
  if (with_open) note += " En cours : en attente ou au guichet en ce moment.";
  return note;
}
std::string report_priority_note(int tickets, int priority, int transferred) {
  return "Sur " + std::to_string(tickets) + (tickets > 1 ? " tickets : " : " ticket : ") +
         std::to_string(priority) + (priority > 1 ? " prioritaires, " : " prioritaire, ") +
         std::to_string(transferred) + (transferred > 1 ? " transférés" : " transféré") +
         (transferred > 0 ? " (comptés dans le service où ils ont fini)." : ".");
}
std::string report_times_title() { return "Temps par service (tickets servis)"; }
std::string report_group_wait() { return "Attente"; }
std::string report_group_at_counter() { return "Au guichet"; }
std::string report_col_mean() { return "moyenne"; }
std::string report_col_median() { return "médiane"; }
std::string report_col_p90() { return "90 %"; }
std::string report_times_note() {
  return "Attente : de la prise du ticket à l’appel. Au guichet : de l’appel à la fin du service.";
}
std::string report_p90_note() {
  return "90 % : neuf visiteurs sur dix ont attendu (ou sont restés au guichet) au plus ce temps.";
}
std::string report_arrivals_title() { return "Arrivées par heure"; }
std::string report_col_hour() { return "Heure"; }
std::string report_col_arrivals() { return "Arrivées"; }
std::string report_hour_span(int hour) {
  auto two = [](int h) { return (h < 10 ? "0" : "") + std::to_string(h); };
  return two(hour) + " h – " + two(hour + 1) + " h";
}
std::string report_no_arrival() { return "Aucune arrivée."; }
std::string report_counters_title() { return "Guichets"; }
std::string report_col_counter() { return "Guichet"; }
std::string report_col_busy() { return "Temps occupé"; }
std::string report_col_busy_share() { return "Occupation"; }
std::string report_counters_note() {
  return "Occupation : temps passé avec un visiteur (servi ou absent), rapporté au temps "
         "d’ouverture.";
}
std::string report_csv_summary_title() { return "Rapport"; }
std::string report_csv_agency() { return "Agence"; }
std::string report_csv_from() { return "Du"; }
std::string report_csv_to() { return "Au"; }
std::string report_csv_minutes(const std::string& what) { return what + " (min)"; }
std::string report_csv_percent(const std::string& what) { return what + " (%)"; }
std::string report_csv_opening_time() { return "Temps d’ouverture"; }
std::string report_csv_prefix() { return "Préfixe"; }
std::string report_csv_priority() { return "Prioritaires"; }
std::string report_csv_transferred() { return "Transférés"; }
std::string report_csv_wait_mean() { return "Attente moyenne"; }
std::string report_csv_wait_median() { return "Attente médiane"; }
std::string report_csv_wait_p90() { return "Attente 90 %"; }
std::string report_csv_counter_mean() { return "Temps au guichet moyen"; }
std::string report_csv_counter_median() { return "Temps au guichet médian"; }
std::string report_csv_counter_p90() { return "Temps au guichet 90 %"; }
std::string report_csv_number() { return "Numéro"; }
std::string report_csv_hour_start() { return "Heure (début)"; }
std::string report_about() {
  return "les chiffres d’une journée ou d’une période : tickets, attentes, arrivées, guichets, "
         "bilans des visites et ateliers (clé du superviseur)";
}
std::string option_report_from() { return "premier jour, AAAA-MM-JJ (par défaut : aujourd’hui)"; }
std::string option_report_to() { return "dernier jour, AAAA-MM-JJ (par défaut : le premier)"; }
std::string report_option_error(const std::string& option, const std::string& message) {
  return option + " : " + message;
}
std::string report_range_reversed(const std::string& from, const std::string& to) {
  return "Période à l’envers : le premier jour (--from " + from +
         ") est après le dernier (--to " + to + ").";
}
std::string report_forbidden() {
  return "Les chiffres sont réservés au superviseur : la clé utilisée n’y a pas droit. Relancez "
         "avec la clé du superviseur (--key supervisor).";
}
std::string report_unreachable(const std::string& endpoint) {
  return "Le serveur de la file (" + endpoint +
         ") ne répond pas : aucun chiffre n’a pu être lu. Vérifiez que le serveur est démarré, "
         "le réseau et les clés du poste.";
}
std::string report_refused(const std::string& message) {
  return "Le serveur a refusé de donner les chiffres : " + message;
}
std::string report_bad_reply(const std::string& detail) {
  return "La réponse du serveur est illisible : " + detail;
}
std::string report_csv_failed(const std::string& path, const std::string& detail) {
  return "Le fichier CSV « " + path + " » n’a pas pu être écrit : " + detail + ".";
}

// --- Agent console window ---

std::string console_button_call_next() { return "Appeler le suivant"; }
std::string console_button_finish() { return "Terminé"; }
std::string console_button_recall() { return "Rappeler"; }
std::string console_button_no_show() { return "Absent"; }
std::string console_button_transfer() { return "Transférer vers…"; }
std::string console_button_call_number() { return "Appeler un numéro…"; }
std::string console_button_pause() { return "Pause"; }
std::string console_button_resume() { return "Reprendre"; }
std::string console_button_statistics() { return "Statistiques"; }
std::string console_button_change() { return "Changer"; }
std::string console_button_start() { return "Commencer"; }
std::string console_button_cancel() { return "Annuler"; }
std::string console_button_call() { return "Appeler"; }
std::string console_button_back() { return "Retour"; }
std::string console_key_space_or_enter() { return "Espace / Entrée"; }
std::string console_key_enter() { return "Entrée"; }
std::string console_key_escape() { return "Échap"; }
std::string console_window_title(int counter) {
  if (counter <= 0) return "pcn-queue — console d’agent";
  return "pcn-queue — Guichet " + std::to_string(counter);
}
std::string console_serving_caption() { return "Au guichet"; }
std::string console_nobody_caption() { return "Aucun visiteur"; }
std::string console_nobody_hint() { return "Espace ou Entrée : appeler le suivant"; }
std::string console_paused_caption() { return "Guichet en pause"; }
std::string console_paused_hint() { return "P : reprendre les appels"; }
std::string console_priority() { return "Prioritaire"; }
std::string console_waited(int minutes) {
  if (minutes < 1) return "Attente : moins d’une minute";
  return "Attente : " + std::to_string(minutes) + " min";
}
std::string console_at_counter(int seconds) {
  if (seconds < 0) seconds = 0;
  if (seconds >= 3600) {
    int minutes = (seconds % 3600) / 60;
    return "Au guichet depuis " + std::to_string(seconds / 3600) + " h " +
           (minutes < 10 ? "0" : "") + std::to_string(minutes) + " min";
  }
  if (seconds < 60) return "Au guichet depuis " + std::to_string(seconds) + " s";
  return "Au guichet depuis " + std::to_string(seconds / 60) + " min " +
         std::to_string(seconds % 60) + " s";
}
std::string console_calls(int calls) { return "Appelé " + std::to_string(calls) + " fois"; }
std::string console_services_title() {
  return "Services appelés par ce guichet (touchez pour cocher ou décocher)";
}
std::string console_waiting(int waiting) {
  if (waiting <= 0) return "Personne";
  return std::to_string(waiting) + " en attente";
}
std::string console_print_alert(const std::string& ticket, const std::string& reason) {
  if (reason.empty()) return "Ticket " + ticket + " non imprimé";
  return "Ticket " + ticket + " non imprimé : " + reason;
}
std::string console_more_alerts(int more) {
  return "… et " + std::to_string(more) + " autres tickets non imprimés";
}
std::string console_ready() { return "Prêt. Espace ou Entrée : appeler le suivant."; }
std::string console_pending(const std::string& action) {
  return "Envoi en cours : " + action + "…";
}
std::string console_update_phrase() { return "mettre à jour le guichet"; }
std::string console_opened(const std::string& counter, const std::string& agent) {
  return counter + " ouvert au nom de " + agent + ".";
}
std::string console_services_changed(const std::string& counter, const std::string& services) {
  if (services.empty()) return counter + " n’appelle plus aucun service.";
  return counter + " appelle désormais : " + services + ".";
}
std::string console_update_unreachable(const std::string& counter) {
  return "Le serveur de la file ne répond pas : " + counter +
         " n’a pas été mis à jour. Rien n’a été changé ; réessayez quand la connexion revient.";
}
std::string console_transfer_title(const std::string& ticket) {
  return "Transférer " + ticket + " vers…";
}
std::string console_call_number_title() { return "Appeler un numéro"; }
std::string console_number_example() {
  return "Tapez le numéro du ticket, par exemple C-042 ou C42, puis Entrée.";
}
std::string console_number_invalid(const std::string& typed) {
  if (typed.empty()) return "Tapez un numéro de ticket, par exemple C-042.";
  return "« " + typed + " » n’est pas un numéro de ticket : une lettre puis un nombre, par "
         "exemple C-042.";
}
std::string console_setup_title() { return "Choisissez votre guichet"; }
std::string console_setup_name() { return "Votre nom (affiché aux autres guichets)"; }
std::string console_setup_hint() {
  return "Touchez votre guichet, tapez votre nom, puis « Commencer » (Entrée).";
}
std::string console_setup_need_counter() { return "Touchez d’abord votre guichet."; }
std::string console_setup_need_name() { return "Tapez votre nom avant de commencer."; }
std::string console_counter_taken_by(const std::string& agent) {
  return agent + " y est déjà";
}
std::string console_choice_file_comment() {
  return "Poste d’agent : guichet et nom choisis dans la console (agent-console). Supprimez ce "
         "fichier pour les choisir à nouveau.";
}
std::string console_choice_unreadable(const std::string& path, const std::string& detail) {
  return "Le choix du guichet enregistré dans « " + path + " » est illisible (" + detail +
         ") ; choisissez à nouveau votre guichet.";
}
std::string console_choice_unwritable(const std::string& path, const std::string& detail) {
  return "Le choix du guichet n’a pas pu être enregistré dans « " + path + " » (" + detail +
         ") : il faudra le refaire au prochain démarrage.";
}
std::string console_statistics_title(const std::string& date) {
  return "Statistiques du " + date;
}
std::string option_console_window() {
  return "une fenêtre de cette taille LxH (ex. 1280x800) au lieu du plein écran";
}
std::string option_agent() { return "nom de l’agent au guichet (avec --counter : sans page d’accueil)"; }
std::string console_screenshot_about() {
  return "se connecte, dessine une image de la console du guichet dans un fichier PNG et "
         "s’arrête, sans rien changer";
}
std::string option_console_screenshot_file() { return "le fichier PNG à écrire"; }
std::string option_console_screenshot_page() {
  return "la page : counter (défaut), setup, transfer, call-number, statistics, outcome ou "
         "workshop";
}
std::string console_bad_screenshot_page(const std::string& word) {
  return "Page inconnue : « " + word +
         " » (counter, setup, transfer, call-number, statistics, outcome ou workshop).";
}

// --- The kiosk when slips do not print, and its staff pages ---
std::string kiosk_printer_down_banner() {
  return "Les tickets ne peuvent pas être imprimés pour l’instant : votre numéro s’affichera à "
         "l’écran.";
}
std::string kiosk_agent_warned_call() {
  return "Un agent a été prévenu : il vous appellera avec ce numéro.";
}
std::string kiosk_touch_when_noted() { return "Touchez l’écran quand vous l’avez noté"; }
std::string kiosk_staff_pin_title() { return "Espace agent : tapez le code de la borne"; }
std::string kiosk_staff_wrong_pin() { return "Code incorrect."; }
std::string kiosk_staff_locked() {
  return "Trop d’essais : réessayez dans quelques minutes.";
}
std::string kiosk_staff_title() { return "Réimprimer un ticket (duplicata)"; }
std::string kiosk_staff_none() { return "Aucun ticket à réimprimer aujourd’hui."; }
std::string kiosk_staff_printed() { return "dernier ticket, imprimé"; }
std::string kiosk_staff_reprint_button() { return "Réimprimer"; }
std::string kiosk_staff_reprint_last() { return "Réimprimer le dernier ticket"; }
std::string kiosk_staff_close() { return "Fermer"; }
std::string kiosk_staff_erase() { return "Effacer"; }
std::string kiosk_staff_enter() { return "Valider"; }
std::string kiosk_staff_unknown_ticket() {
  return "Ce ticket n’est pas un ticket d’aujourd’hui : rien n’est réimprimé.";
}
std::string kiosk_staff_reprinting(const std::string& label) {
  return "Duplicata du ticket " + label + " en cours d’impression…";
}
std::string kiosk_staff_reprinted(const std::string& label) {
  return "Duplicata du ticket " + label + " imprimé.";
}
std::string kiosk_staff_reprint_failed(const std::string& label) {
  return "Le duplicata du ticket " + label + " n’a pas pu être imprimé.";
}
std::string kiosk_staff_printer_problem(const std::string& problem) {
  return "Imprimante : " + problem;
}
std::string kiosk_print_failed_log(const std::string& label, const std::string& reason) {
  return "ticket " + label + " non imprimé : " + reason;
}
std::string kiosk_printer_down_log(const std::string& reason) {
  return "les tickets ne peuvent pas être imprimés : " + reason;
}
std::string kiosk_printer_ready_log(const std::string& printer) {
  return "l’imprimante des tickets répond de nouveau (" + printer + ").";
}
std::string kiosk_reprint_asked_log(const std::string& label, int counter) {
  return "duplicata du ticket " + label + " demandé" +
         (counter > 0 ? " par le guichet " + std::to_string(counter) : std::string()) + ".";
}
std::string kiosk_staff_pin_locked_log() {
  return "cinq codes faux de suite sur la page agent de la borne : page bloquée 5 minutes.";
}

// --- Reprints and test tickets ---

std::string reprint_requested(const std::string& label) {
  return "Réimpression du ticket " + label + " demandée à la borne.";
}
std::string reprint_phrase(const std::string& label) { return "faire réimprimer " + label; }
std::string console_reprint_about() {
  return "fait réimprimer par la borne le ticket du jour de ce numéro, marqué « Duplicata » "
         "(p. ex. C-042 ou c42)";
}
std::string reprint_ticket_required() {
  return "indiquez le numéro du ticket à réimprimer, p. ex. C-042";
}
std::string slip_test_ticket() { return "TICKET D’ESSAI — ne pas utiliser"; }
std::string option_test() {
  return "ticket d’essai, à toute heure : hors de la file, sans numéro et hors des statistiques "
         "(vérifications de l’installateur) ; SERVICE est alors facultatif";
}
std::string take_test_printed(const std::string& service) {
  return "Ticket d’essai (" + service + ") imprimé : il ne compte pas dans la file.";
}
std::string take_test_not_printed(const std::string& reason) {
  return "Ticket d’essai NON imprimé : " + reason;
}

// --- Alerts and closed page ---

std::string clock_time(int minute_of_day) {
  static const std::string nbsp = "\u00A0";
  if (minute_of_day <= 0 || minute_of_day >= 24 * 60) return "minuit";
  const int h = minute_of_day / 60;
  const int m = minute_of_day % 60;
  std::string out = std::to_string(h) + nbsp + "h";
  if (m != 0) out += nbsp + (m < 10 ? "0" : "") + std::to_string(m);
  return out;
}
std::string closed_reopens_at(int minute_of_day) {
  return "Reprise à\u00A0" + clock_time(minute_of_day);
}
std::string closed_opens_on(int days_ahead, int weekday,
                            const std::vector<std::pair<int, int>>& spans) {
  static const char* const kDays[] = {"lundi", "mardi", "mercredi", "jeudi",
                                      "vendredi", "samedi", "dimanche"};
  const std::string day = (weekday >= 0 && weekday < 7) ? kDays[weekday] : "";
  std::string when = days_ahead == 0   ? "aujourd’hui"
                     : days_ahead == 1 ? "demain"
                     : days_ahead >= 7 ? day + " prochain"
                                       : day;
  std::string out = "Ouvert " + when;
  for (std::size_t i = 0; i < spans.size(); ++i) {
    out += i == 0 ? " " : (i + 1 == spans.size() ? " et " : ", ");
    out += "de\u00A0" + clock_time(spans[i].first) + " à\u00A0" + clock_time(spans[i].second);
  }
  return out;
}
std::string display_unprinted_alert(const std::vector<std::string>& tickets, int more) {
  const bool one = tickets.size() == 1 && more == 0;
  std::string out = one ? "Ticket non imprimé : " : "Tickets non imprimés : ";
  for (std::size_t i = 0; i < tickets.size(); ++i) {
    if (i > 0) out += ", ";
    out += tickets[i];
  }
  if (more > 0) out += " et " + std::to_string(more) + (more > 1 ? " autres" : " autre");
  return out + " — adressez-vous à un agent";
}
std::string console_button_reprint() { return "Réimprimer"; }
std::string console_button_reprint_number() { return "Réimprimer un numéro…"; }
std::string console_button_show_unprinted() { return "Voir la liste"; }
std::string console_button_previous() { return "Précédents"; }
std::string console_button_next() { return "Suivants"; }
std::string console_unprinted_count(int count) {
  return std::to_string(count) + (count > 1 ? " tickets non imprimés" : " ticket non imprimé");
}
std::string console_ticket_list(const std::vector<std::string>& labels) {
  std::string out;
  for (std::size_t i = 0; i < labels.size(); ++i) out += (i ? ", " : "") + labels[i];
  return out;
}
std::string console_unprinted_title(int count) {
  if (count == 0) return "Aucun ticket non imprimé aujourd’hui";
  return "Tickets non imprimés aujourd’hui : " + std::to_string(count);
}
std::string console_unprinted_range(int first, int last, int count) {
  if (first == last) return std::to_string(first) + " sur " + std::to_string(count);
  return std::to_string(first) + " à " + std::to_string(last) + " sur " + std::to_string(count);
}
std::string console_reprint_asked(const std::string& hh_mm) {
  return "réimpression demandée à " + hh_mm;
}
std::string console_unprinted_detail(const std::string& asked, const std::string& reason) {
  if (asked.empty()) return reason;
  if (reason.empty()) return asked;
  return asked + " · " + reason;
}
std::string console_reprint_number_title() { return "Réimprimer un ticket d’aujourd’hui"; }


// --- Outcomes of visits ---
std::vector<DefaultChoice> default_outcome_choices(const std::string& list) {
  if (list == "partner")
    return {{"cafat", "CAFAT", ""},          {"eec", "EEC", ""},
            {"enercal", "Enercal", ""},      {"cde", "Calédonienne des eaux", ""},
            {"sic", "SIC", ""},              {"province_sud", "Province Sud", ""},
            {"dfip", "DFIP", ""},            {"opt", "OPT", ""},
            {"gouvernement", "Gouvernement", ""}, {"autre", "Autre", ""}};
  if (list == "theme")
    return {{"papiers", "Papiers et identité", "Démarches"},
            {"social_sante", "Social-santé", "Démarches"},
            {"emploi", "Emploi", "Démarches"},
            {"logement", "Logement", "Démarches"},
            {"argent_impots", "Argent et impôts", "Démarches"},
            {"energie_eau", "Énergie et eau", "Démarches"},
            {"transports", "Transports", "Démarches"},
            {"justice", "Justice", "Démarches"},
            {"autre_demarche", "Autre démarche", "Démarches"},
            {"messagerie", "Messagerie", "Numérique"},
            {"smartphone", "Smartphone", "Numérique"},
            {"securite", "Sécurité et arnaques", "Numérique"},
            {"identite_numerique", "Identité numérique", "Numérique"},
            {"espace_en_ligne", "Espace en ligne et mot de passe", "Numérique"},
            {"autre_numerique", "Autre (numérique)", "Numérique"}};
  if (list == "autonomy")
    return {{"fait_a_la_place", "Fait à la place par l’agent (avec l’accord de la personne)", ""},
            {"pas_a_pas", "Accompagné pas à pas", ""},
            {"un_peu_aide", "Autonome avec un peu d’aide", ""},
            {"autonome", "Autonome", ""}};
  if (list == "result")
    return {{"aboutie", "Démarche aboutie", ""},
            {"piece_manquante", "Pièce manquante", ""},
            {"service_indisponible", "Service en ligne indisponible", ""},
            {"a_poursuivre", "À poursuivre", ""}};
  if (list == "orientation")
    return {{"aucune", "Aucune", ""},
            {"agence_partenaire", "Agence du partenaire", ""},
            {"travailleur_social", "Travailleur social", ""},
            {"autre_pcn", "Autre PCN", ""},
            {"autre", "Autre", ""}};
  if (list == "first_visit")
    return {{"oui", "Oui", ""}, {"non", "Non", ""}, {"non_demande", "Non demandé", ""}};
  if (list == "age_band")
    return {{"moins_18", "Moins de 18 ans", ""}, {"18_24", "18–24 ans", ""},
            {"25_39", "25–39 ans", ""},          {"40_59", "40–59 ans", ""},
            {"60_69", "60–69 ans", ""},          {"70_plus", "70 ans et plus", ""}};
  if (list == "situation")
    return {{"en_emploi", "En emploi", ""},
            {"demandeur_emploi", "Demandeur d’emploi", ""},
            {"retraite", "Retraité", ""},
            {"etudiant", "Étudiant", ""},
            {"autre", "Autre", ""}};
  if (list == "commune")
    return {{"paita", "Païta", ""},       {"bourail", "Bourail", ""},
            {"kone", "Koné", ""},         {"koumac", "Koumac", ""},
            {"yate", "Yaté", ""},         {"mare", "Maré", ""},
            {"noumea", "Nouméa", ""},     {"dumbea", "Dumbéa", ""},
            {"mont_dore", "Mont-Dore", ""}, {"autre", "Autre commune", ""}};
  if (list == "equipment")
    return {{"ordinateur_pcn", "Ordinateur du PCN", ""},
            {"smartphone_personne", "Smartphone de la personne", ""},
            {"tablette", "Tablette", ""},
            {"aucun", "Aucun", ""}};
  return {};
}
std::string outcome_list_title(const std::string& list) {
  if (list == "partner") return "Partenaire";
  if (list == "theme") return "Thème";
  if (list == "autonomy") return "Autonomie";
  if (list == "result") return "Résultat";
  if (list == "orientation") return "Orientation";
  if (list == "first_visit") return "Première visite dans un PCN";
  if (list == "age_band") return "Tranche d’âge";
  if (list == "situation") return "Situation";
  if (list == "commune") return "Commune";
  if (list == "equipment") return "Équipement utilisé";
  return list;
}
std::string outcome_not_given() { return "non renseigné"; }
std::string outcome_unknown_code(const std::string& list_title, const std::string& code,
                                 const std::string& valid_codes) {
  return list_title + " : le code « " + code + " » n’existe pas ; codes possibles : " +
         valid_codes;
}
std::string outcome_one_code_only(const std::string& list_title) {
  return list_title + " : un seul choix possible";
}
std::string outcome_repeated_code(const std::string& list_title, const std::string& code) {
  return list_title + " : le code « " + code + " » est donné deux fois";
}
std::string workshop_bad_participants(int participants, int min, int max) {
  return "atelier : " + std::to_string(participants) +
         " participants, le nombre doit aller de " + std::to_string(min) + " à " +
         std::to_string(max);
}
std::string workshop_bad_minutes(int minutes, int min, int max) {
  return "atelier : une durée de " + std::to_string(minutes) +
         " minutes, elle doit aller de " + std::to_string(min) + " à " + std::to_string(max) +
         " minutes";
}
std::string ticket_not_served(const std::string& label, const std::string& state_text) {
  return "Le ticket " + label + " n’a pas été reçu au guichet (" + state_text +
         ") : son bilan ne peut pas être noté.";
}

std::string expect_code(int max_bytes) {
  return "un code de 1 à " + std::to_string(max_bytes) +
         " caractères parmi a à z, 0 à 9 et « _ »";
}
std::string expect_at_most_items(int max_items) {
  return "une liste d’au plus " + std::to_string(max_items) + " éléments";
}

std::string config_bad_outcome_code(const std::string& code, int max_bytes) {
  return "le code « " + code + " » doit faire de 1 à " + std::to_string(max_bytes) +
         " caractères parmi a à z, 0 à 9 et « _ » (sans accent ni espace)";
}
std::string config_outcome_list_size(int max_entries) {
  return "une liste de choix doit avoir de 1 à " + std::to_string(max_entries) +
         " entrées { code = \"…\", label = \"…\" }";
}
std::string config_unknown_partner(const std::string& code, const std::string& valid_codes) {
  return "le partenaire « " + code + " » n’est pas dans la liste outcome.partner (codes : " +
         valid_codes + ")";
}

// --- Report (pilot indicators) ---
std::string report_opening_elapsed(const std::string& total, const std::string& elapsed,
                                   const std::string& hh_mm) {
  return "Temps d’ouverture : " + total + ", dont " + elapsed + " écoulées à " + hh_mm;
}
std::string report_counters_elapsed_note() {
  return "Occupation : temps passé avec un visiteur, rapporté au temps d’ouverture écoulé.";
}
std::string report_not_received_title() { return "Attente des personnes non reçues"; }
std::string report_col_people() { return "Personnes"; }
std::string report_col_waiting_now() { return "En attente"; }
std::vector<std::string> report_not_received_notes() {
  return {"Attente des absents : jusqu’à l’appel manqué ; des non servis : jusqu’à la fermeture.",
          "En attente : personnes qui attendent encore, comptées jusqu’à maintenant."};
}
std::string report_days_title() { return "Jour par jour"; }
std::string report_col_day() { return "Jour"; }
std::string report_col_accompaniments() { return "Accompagnements"; }
std::string report_col_done_for_them() { return "Fait à la place"; }
std::string report_col_autonomy_given() { return "Autonomie renseignée"; }
std::vector<std::string> report_days_notes() {
  return {"Accompagnements : visites servies.",
          "Fait à la place : part des visites (autonomie renseignée) où l’agent a fait à la place."};
}
std::string report_outcome_title(const std::string& list_title) {
  return list_title + " (visites servies)";
}
std::string report_col_code() { return "Code"; }
std::string report_col_label() { return "Libellé"; }
std::string report_col_group() { return "Groupe"; }
std::string report_col_visits() { return "Visites"; }
std::string report_col_share() { return "Part"; }
std::string report_outcome_visits_note(int visits) {
  if (visits == 0) return "Aucune visite servie sur la période.";
  return "Sur " + std::to_string(visits) +
         (visits == 1 ? " visite servie." : " visites servies.");
}
std::string report_outcome_multiple_note() {
  return "Une visite compte pour chacun de ses choix : les lignes peuvent dépasser les visites.";
}
std::vector<std::string> report_outcome_profile_notes() {
  return {"« < 5 » : moins de 5 visites, masqué pour que personne ne soit reconnaissable.",
          "Une seule case masquée se déduirait du total : la plus petite autre l’est alors aussi."};
}
std::string report_masked_count() { return "< 5"; }
std::string report_workshops_title() { return "Ateliers collectifs"; }
std::string report_col_theme() { return "Thème"; }
std::string report_col_workshops() { return "Ateliers"; }
std::string report_col_participants() { return "Participants"; }
std::string report_col_duration() { return "Durée"; }
std::string report_no_workshop() { return "Aucun atelier sur la période."; }
std::string report_sheet_summary() { return "Rapport"; }
std::string report_sheet_not_received() { return "Attente des non reçus"; }
std::string report_col_item() { return "Rubrique"; }
std::string report_col_value() { return "Valeur"; }
std::string report_csv_opening_elapsed() { return "Temps d’ouverture écoulé"; }
std::string report_csv_days() { return "Jours"; }
std::string report_csv_open_days() { return "Jours d’ouverture"; }
std::string report_csv_now() { return "Heure du rapport"; }
std::string option_report_csv_tables() {
  return "écrit aussi chaque tableau dans un fichier CSV (point-virgule, virgule décimale, UTF-8) "
         "dans ce dossier ou sous ce préfixe";
}
std::string option_report_xlsx() {
  return "écrit aussi les tableaux dans ce classeur .xlsx (une feuille par tableau)";
}
std::string report_csv_tables_written(int count, const std::string& first,
                                      const std::string& folder) {
  return std::to_string(count) + " tableaux CSV enregistrés (« " + first + " », …) dans « " +
         folder + " ».";
}
std::string report_xlsx_written(const std::string& path) {
  return "Classeur enregistré dans « " + path + " ».";
}
std::string report_xlsx_failed(const std::string& path, const std::string& detail) {
  return "Le classeur « " + path + " » n’a pas pu être écrit : " + detail + ".";
}

std::string outcome_corrected(const std::string& label) {
  return "Bilan du ticket " + label + " corrigé.";
}
std::string outcome_phrase(const std::string& label) { return "corriger le bilan de " + label; }
std::string workshop_recorded(int participants, int minutes) {
  return "Atelier noté : " + std::to_string(participants) +
         (participants > 1 ? " participants, " : " participant, ") + std::to_string(minutes) +
         " min.";
}
std::string workshop_phrase() { return "noter l’atelier"; }

}  // namespace pcn::text

namespace pcn::text {

// --- Console command line: outcomes ---
std::string console_outcome_about() {
  return "corrige le bilan d’un ticket du jour déjà reçu (le bilan donné remplace l’ancien), ou "
         "affiche les codes possibles avec --list";
}
std::string console_workshop_about() {
  return "note un atelier collectif, sans ticket : thème, nombre de participants, durée";
}
std::string option_outcome_code(const std::string& list_title, bool multiple) {
  return list_title + (multiple ? " : un code (plusieurs : répétez l’option)" : " : un code") +
         " ; voir « agent-console outcome --list »";
}
std::string option_outcome_list() {
  return "affiche les codes possibles de chaque liste (avec --json : un objet JSON)";
}
std::string argument_outcome_ticket() {
  return "numéro du ticket du jour à corriger, p. ex. C-042";
}
std::string option_workshop_theme() { return "thème de l’atelier : un code de la liste Thème"; }
std::string option_workshop_participants() { return "nombre de participants (1 à 99)"; }
std::string option_workshop_minutes() { return "durée de l’atelier en minutes (5 à 480)"; }
std::string cli_outcome_unknown_code(const std::string& option, const std::string& list_title,
                                     const std::string& code, const std::string& valid_codes) {
  return option + " (" + list_title + ") : le code « " + code +
         " » n’existe pas ; codes possibles : " + valid_codes;
}
std::string cli_outcome_one_code_only(const std::string& option, const std::string& list_title,
                                      const std::string& codes) {
  return option + " (" + list_title + ") : un seul code possible, plusieurs donnés (" + codes + ")";
}
std::string cli_outcome_repeated_code(const std::string& option, const std::string& list_title,
                                      const std::string& code) {
  return option + " (" + list_title + ") : le code « " + code + " » est donné deux fois";
}
std::string cli_outcome_ticket_required() {
  return "indiquez le numéro du ticket à corriger, p. ex. C-042 (ou --list pour voir les codes)";
}
std::string cli_outcome_nothing_given() {
  return "indiquez le nouveau bilan (p. ex. --partner cafat --autonomy autonome) : il remplace "
         "l’ancien ; les codes : agent-console outcome --list";
}
std::string cli_outcome_list_alone() {
  return "--list affiche les codes : ne donnez avec lui ni numéro de ticket ni choix";
}
std::string cli_workshop_theme_required(const std::string& valid_codes) {
  return "indiquez le thème de l’atelier avec --theme CODE (codes possibles : " + valid_codes + ")";
}
std::string cli_workshop_participants_required() {
  return "indiquez le nombre de participants de l’atelier avec --participants N";
}
std::string cli_workshop_minutes_required() {
  return "indiquez la durée de l’atelier en minutes avec --minutes N";
}
std::string cli_workshop_not_a_number(const std::string& option, const std::string& typed) {
  return option + " : « " + typed + " » n’est pas un nombre entier";
}
std::string cli_option_once(const std::string& option, const std::string& values) {
  return "l’option " + option + " ne se donne qu’une fois (données : " + values + ")";
}
std::string cli_outcome_list_heading(const std::string& list_title, const std::string& option,
                                     bool multiple) {
  return list_title + " (" + option + (multiple ? ", un ou plusieurs codes)" : ", un code)");
}
std::string cli_outcome_choice(const std::string& code, const std::string& label) {
  return code + " — " + label;
}
std::string outcome_unreachable(const std::string& endpoint, const std::string& action) {
  std::string hub = "Le serveur de la file";
  if (!endpoint.empty()) hub += " (" + endpoint + ")";
  return hub + " n’a pas répondu : « " + action +
         " » n’a pas été fait et rien n’a été modifié. Vérifiez le réseau, puis réessayez.";
}

}  // namespace pcn::text

namespace pcn::text {

// --- Console outcome screen ---
std::string console_outcome_title(const std::string& label, const std::string& service) {
  return "Bilan de la visite " + label + (service.empty() ? "" : " · " + service);
}
std::string console_outcome_correct_title(const std::string& label, const std::string& service) {
  return "Corriger le bilan de " + label + (service.empty() ? "" : " · " + service);
}
std::string console_outcome_line_title(const std::string& list) {
  if (list == "first_visit") return "1re visite";
  if (list == "age_band") return "Âge";
  if (list == "equipment") return "Équipement";
  return outcome_list_title(list);
}
std::string console_outcome_note_multiple() { return "plusieurs choix"; }
std::string console_outcome_note_optional() { return "facultatif"; }
std::string console_outcome_note_first_visit() { return "dans un PCN"; }
std::string console_workshop_note_theme() { return "thème de l’atelier"; }
std::string console_button_validate() { return "Valider"; }
std::string console_button_skip() { return "Passer"; }
std::string console_button_open_outcome() { return "Ouvrir le bilan"; }
std::string console_button_correct_outcome() { return "Corriger un bilan…"; }
std::string console_button_workshop() { return "Noter un atelier…"; }
std::string console_outcome_number_title() {
  return "Corriger le bilan d’un ticket d’aujourd’hui";
}
std::string console_outcome_not_served(const std::string& label) {
  return "Pas de bilan à corriger pour " + label +
         " : sa visite n’est pas terminée au guichet (en attente, au guichet, absent ou non "
         "servi).";
}
std::string console_outcome_gone(const std::string& label) {
  return "Le ticket " + label + " n’est plus au guichet : son bilan n’a pas été envoyé.";
}
std::string console_workshop_title() { return "Atelier collectif (sans ticket)"; }
std::string console_workshop_participants_title() { return "Participants"; }
std::string console_workshop_duration_title() { return "Durée"; }
std::string console_workshop_participants(int n) {
  return std::to_string(n) + (n > 1 ? " participants" : " participant");
}
std::string console_workshop_duration(int minutes) {
  if (minutes < 60) return std::to_string(minutes) + " min";
  const int rest = minutes % 60;
  std::string out = std::to_string(minutes / 60) + " h";
  if (rest != 0) out += " " + std::string(rest < 10 ? "0" : "") + std::to_string(rest);
  return out;
}
std::string console_skipped_note() { return " (bilan non renseigné)"; }


// --- Centre (pcn-central): PostgreSQL store ---
std::string central_db_unreachable(const std::string& detail) {
  return "Base PostgreSQL du centre injoignable : " + detail + ".";
}
std::string central_db_failed(const std::string& what, const std::string& detail) {
  return "Base PostgreSQL du centre : échec pendant « " + what + " » : " + detail + ".";
}
std::string central_db_reading_version() { return "lire la version du schéma"; }
std::string central_db_migrating(int version) {
  return "passer le schéma à la version " + std::to_string(version);
}
std::string central_db_reading_ack() { return "lire le dernier événement reçu"; }
std::string central_db_storing(const std::string& agency) {
  return "enregistrer les événements de l’agence " + agency;
}
std::string central_schema_newer(int found, int known) {
  return "La base du centre est au schéma " + std::to_string(found) +
         ", plus récent que celui de ce programme (" + std::to_string(known) +
         ") : mettez pcn-central à jour ; rien n’a été modifié.";
}
std::string central_bad_batch_field(const std::string& member) {
  return "Lot d’événements refusé : « " + member + " » manque ou est trop long.";
}
std::string central_bad_batch_too_many(std::size_t count, std::size_t max) {
  return "Lot d’événements refusé : " + std::to_string(count) + " événements, " +
         std::to_string(max) + " au plus par lot.";
}
std::string central_bad_batch_order(std::int64_t seq) {
  return "Lot d’événements refusé : les numéros ne se suivent pas (au numéro " +
         std::to_string(seq) + ").";
}
std::string central_bad_batch_gap(std::int64_t first, std::int64_t ack) {
  return "Lot d’événements refusé : il commence au numéro " + std::to_string(first) +
         " alors que le centre a reçu jusqu’au numéro " + std::to_string(ack) +
         " ; les événements intermédiaires manquent.";
}


// --- Centre (pcn-central): its socket ---
std::string central_started(const std::string& endpoint, std::size_t agencies) {
  return "Centre démarré sur " + endpoint + ", " + std::to_string(agencies) +
         (agencies > 1 ? " clés d’agence admises." : " clé d’agence admise.");
}
std::string central_bind_failed(const std::string& endpoint, const std::string& detail) {
  return "Le centre ne peut pas écouter sur " + endpoint + " : " + detail +
         " (adresse déjà prise ou invalide ?).";
}
std::string central_socket_error(const std::string& detail) {
  return "Erreur du réseau du centre : " + detail + ".";
}
std::string central_no_identity() {
  return "Message refusé : il ne vient pas d’une clé d’agence authentifiée.";
}
std::string central_batch_refused(const std::string& agency, const std::string& reason) {
  return "Envoi de l’agence " + agency + " refusé : " + reason;
}
std::string central_wrong_agency(const std::string& key_agency, const std::string& claimed) {
  return "La clé de l’agence « " + key_agency + " » a tenté d’envoyer les événements de l’agence « " +
         claimed + " » : refusé, rien n’a été enregistré.";
}


// --- The hub's shipper (to the centre) ---
std::string shipper_socket_error(const std::string& endpoint, const std::string& detail) {
  return "Envoi au centre (" + endpoint + ") : erreur réseau : " + detail +
         " ; les événements attendent, rien n’est perdu.";
}
std::string shipper_unreachable(const std::string& endpoint) {
  return "Centre injoignable (" + endpoint + ") : les événements attendent, rien n’est perdu.";
}
std::string shipper_no_answer(const std::string& endpoint) {
  return "Le centre (" + endpoint +
         ") n’a pas répondu à temps : l’envoi sera refait, rien n’est perdu.";
}
std::string shipper_refused(const std::string& reason) {
  return "Le centre a refusé l’envoi : " + reason;
}


// --- Agency config: [central] ---
std::string config_bad_central_endpoint(const std::string& endpoint) {
  return "« " + endpoint + " » n’est pas une adresse du centre : attendu tcp://NOM:PORT";
}
std::string config_bad_central_key() {
  return "la clé publique du centre doit faire 40 caractères (fichier centre.pub, ligne public)";
}


// --- pcn-central: its command line ---
std::string central_about() {
  return "Centre du pilote des Points Conseil Numérique : reçoit le journal de chaque agence et "
         "le range dans PostgreSQL.";
}
std::string central_keygen_about() {
  return "crée la paire de clés du centre, ou avec --agency celle d’une agence";
}
std::string option_central_config() {
  return "fichier de configuration du centre (TOML), par défaut central.toml";
}
std::string option_central_agency() {
  return "identifiant de l’agence (celui de son fichier agence.toml, p. ex. bourail)";
}
std::string central_stopped() { return "Centre arrêté."; }
std::string central_keygen_centre(const std::string& secret, const std::string& pub,
                                  const std::string& public_key) {
  return "Clés du centre créées : " + secret + " (secrète, reste sur ce serveur) et " + pub +
         ".\nDans le fichier agence.toml de chaque agence, section [central] : public_key = \"" +
         public_key + "\"";
}
std::string central_keygen_agency(const std::string& agency, const std::string& secret,
                                  const std::string& admitted) {
  return "Clé d’envoi de l’agence " + agency + " créée et admise (" + admitted +
         ").\nCopiez " + secret + " dans le dossier des clés de l’agence, puis effacez-le d’ici.";
}

std::string expect_seven_days() { return "sept listes d’horaires, du lundi au dimanche"; }

std::string central_report_about() {
  return "les chiffres du pilote par agence et pour toutes les agences, lus dans la base du centre";
}
std::string option_central_report_agency() {
  return "une seule agence, par son identifiant (p. ex. bourail) ; par défaut : toutes";
}
std::string option_central_report_csv() {
  return "écrit aussi les tableaux en CSV dans ce dossier (agences.csv, ensemble/, un dossier par "
         "agence)";
}
std::string option_central_report_xlsx() {
  return "écrit aussi un classeur .xlsx (agences et ensemble), et un par agence à côté "
         "(FICHIER-agence.xlsx)";
}
std::string central_db_reading_report() { return "lire les tickets et ateliers du rapport"; }
std::string central_unknown_agency(const std::string& agency, const std::string& known) {
  return "agence inconnue du centre : « " + agency + " » (" +
         (known.empty() ? std::string("aucune agence n’a encore rien envoyé")
                        : "agences connues : " + known) +
         ")";
}
std::string central_bad_profile(const std::string& agency, const std::string& detail) {
  return "la description de l’agence " + agency + " enregistrée au centre est illisible : " + detail;
}
std::string central_report_all_agencies() { return "Toutes les agences"; }
std::string central_report_csv_written(int count, const std::string& folder) {
  return std::to_string(count) + " tableaux CSV enregistrés dans « " + folder + " ».";
}
std::string report_agencies_title() { return "Agences"; }

std::string central_link_up_to_date() { return "Centre : à jour"; }
std::string central_link_never() { return "Centre : pas encore joint"; }
std::string central_link_last(const std::string& ago) { return "Centre : dernier envoi " + ago; }
std::string central_link_ago(long long minutes) {
  if (minutes < 1) return "à l’instant";
  if (minutes < 60) return "il y a " + std::to_string(minutes) + " min";
  if (minutes < 48 * 60) return "il y a " + std::to_string(minutes / 60) + " h";
  return "il y a " + std::to_string(minutes / (24 * 60)) + " jours";
}
std::string central_link_waiting(long long events) {
  return " · " + std::to_string(events) + (events == 1 ? " événement" : " événements") +
         " en attente d’envoi";
}
std::string central_link_reason(const std::string& why) { return " · " + why; }

std::string shipper_event_too_large(long long seq, long long bytes) {
  return "l’événement " + std::to_string(seq) + " de la base de l’agence est trop grand pour être "
         "envoyé au centre (" + std::to_string(bytes) + " octets) : l’envoi est arrêté là";
}

std::string central_profile_refused(const std::string& agency, const std::string& why) {
  return "Description de l’agence " + agency +
         " illisible, le centre garde la précédente (ses événements sont enregistrés) : " + why;
}
std::string central_report_all_folder() { return "ensemble"; }


// --- The dashboard and « suivre mon ticket » (issue #13) ---
std::string config_bad_web_listen(const std::string& listen) {
  return "« " + listen + " » n’est pas une adresse d’écoute : attendu HÔTE:PORT, par exemple « 127.0.0.1:8470 » (port de 1 à 65535)";
}
std::string config_web_tls_pair() {
  return "pour servir en HTTPS, donnez à la fois certificate et private_key (fichiers PEM), ou aucun des deux";
}
std::string dash_account_about() {
  return "Gérer les comptes du tableau de bord (ajouter, désactiver, lister)";
}
std::string dash_account_add_about() {
  return "Créer un compte ; le mot de passe est lu sur la première ligne de l’entrée standard";
}
std::string dash_account_disable_about() {
  return "Désactiver un compte et fermer ses sessions";
}
std::string dash_account_list_about() {
  return "Lister les comptes";
}
std::string dash_account_created(const std::string& login, const std::string& role, const std::string& scope) {
  return "Compte « " + login + " » créé (rôle " + role + (scope.empty() ? std::string() : ", " + scope) + ").";
}
std::string dash_account_disabled(const std::string& login) {
  return "Compte « " + login + " » désactivé ; ses sessions sont fermées.";
}
std::string dash_account_state_disabled() {
  return "désactivé";
}
std::string dash_account_state_enabled() {
  return "actif";
}
std::string dash_no_accounts() {
  return "Aucun compte. Créez-en un : pcn-central account add --login … --name … --role coordination";
}
std::string dash_agency_title(const std::string& name) {
  return "Agence : " + name;
}
std::string dash_overview_title() {
  return "Toutes les agences du pilote";
}
std::string dash_partner_scope(const std::string& partner) {
  return "visites avec le partenaire « " + partner + " »";
}
std::string dash_back_home() {
  return "Retour au tableau de bord";
}
std::string dash_bad_credentials() {
  return "Identifiant ou mot de passe incorrect.";
}
std::string dash_bad_date(const std::string& name, const std::string& value) {
  return "La date « " + value + " » (paramètre " + name + ") n’est pas une date au format AAAA-MM-JJ, par exemple 2026-12-03.";
}
std::string dash_bad_format(const std::string& format) {
  return "Le format « " + format + " » n’est pas proposé : choisissez csv ou xlsx.";
}
std::string dash_bad_full_name() {
  return "Le nom de la personne doit compter de 1 à 120 octets.";
}
std::string dash_bad_login_shape(const std::string& login) {
  return "L’identifiant « " + login + " » ne convient pas : de 1 à 64 caractères parmi a-z, 0-9, « . », « _ », « @ » et « - », en commençant par une lettre ou un chiffre.";
}
std::string dash_bad_password_length(std::size_t min, std::size_t max) {
  return "Le mot de passe doit compter de " + std::to_string(min) + " à " + std::to_string(max) + " octets.";
}
std::string dash_bad_range(const std::string& from, const std::string& to) {
  return "La période commence le " + from + ", après sa fin le " + to + ".";
}
std::string dash_bad_role(const std::string& role) {
  return "Le rôle « " + role + " » n’existe pas : coordination, agence ou partenaire.";
}
std::string dash_bind_failed(const std::string& host, int port) {
  return "impossible d’ouvrir le serveur web sur " + host + ":" + std::to_string(port) + " (port déjà pris, ou adresse absente de cette machine)";
}
std::string dash_chart_js_missing(const std::string& path) {
  return "Chart.js est introuvable (" + path + ") : installez le paquet libjs-chart.js";
}
std::string dash_chart_label(const std::string& title) {
  return "Graphique : " + title + ". Les chiffres sont dans le tableau qui suit.";
}
std::string dash_col_all_agencies() {
  return "Toutes les agences";
}
std::string dash_col_last_contact() {
  return "Dernier contact";
}
std::string dash_col_last_event() {
  return "Dernier événement reçu";
}
std::string dash_col_link_state() {
  return "État de la liaison";
}
std::string dash_col_print_failed() {
  return "Tickets non imprimés";
}
std::string dash_col_received() {
  return "Personnes reçues";
}
std::string dash_col_week() {
  return "Semaine du";
}
std::string dash_col_within(int minutes) {
  return "Reçues en " + std::to_string(minutes) + " min au plus";
}
std::string dash_counter_label(int number) {
  return "Guichet " + std::to_string(number);
}
std::string dash_counters_title() {
  return "Accompagnements par guichet";
}
std::string dash_db_accounts() {
  return "lire ou écrire les comptes du tableau de bord";
}
std::string dash_db_sessions() {
  return "lire ou écrire les sessions du tableau de bord";
}
std::string dash_db_follow() {
  return "lire le ticket suivi";
}
std::string dash_db_reading() {
  return "lire les chiffres du tableau de bord";
}
std::string dash_db_summarising() {
  return "résumer les journées des agences pour le tableau de bord";
}
std::string dash_db_unavailable() {
  return "La base de données du centre ne répond pas pour le moment. Réessayez dans quelques minutes ; si cela dure, prévenez l’administrateur du centre.";
}
std::string dash_db_busy() {
  return "Le tableau de bord est très sollicité en ce moment : aucune connexion à la base n’est libre. Réessayez dans une minute.";
}
std::string dash_log_internal_error(const std::string& what) {
  return "tableau de bord : erreur inattendue : " + what;
}
std::string dash_done_for_them_title() {
  return "« Fait à la place », semaine par semaine";
}
std::string dash_done_for_them_sheet() {
  return "Fait à la place";
}
std::string dash_done_for_them_note() {
  return "Part des visites servies dont l’autonomie est renseignée où l’agent a fait la démarche à la place de la personne. L’objectif du pilote est qu’elle baisse.";
}
std::string dash_download() {
  return "Télécharger :";
}
std::string dash_download_csv(const std::string& title) {
  return "CSV (" + title + ")";
}
std::string dash_download_xlsx(const std::string& title) {
  return "XLSX (" + title + ")";
}
std::string dash_error_title(int status) {
  switch (status) {
    case 400: return "Demande incorrecte";
    case 401: return "Connexion refusée";
    case 403: return "Accès refusé";
    case 404: return "Page introuvable";
    case 429: return "Trop de tentatives";
    case 503: return "Service momentanément indisponible";
    default: return "Erreur du serveur";
  }
}
std::string dash_export_failed() {
  return "Le fichier à télécharger n’a pas pu être préparé (dossier temporaire inaccessible).";
}
std::string dash_forbidden_agency(const std::string& own) {
  return "Votre compte donne accès aux chiffres de l’agence « " + own + " » seulement.";
}
std::string dash_from() {
  return "Du";
}
std::string dash_to() {
  return "au";
}
std::string dash_show() {
  return "Afficher";
}
std::string dash_period() {
  return "Période";
}
std::string dash_last_days(int days) {
  switch (days) {
    case 7: return "7 derniers jours";
    case 28: return "4 dernières semaines";
    case 91: return "3 derniers mois";
    case 365: return "12 derniers mois";
    default: return std::to_string(days) + " derniers jours";
  }
}
std::string dash_hash_failed() {
  return "Le mot de passe n’a pas pu être chiffré (mémoire insuffisante).";
}
std::string dash_hour_label(int hour) {
  char text[16];
  std::snprintf(text, sizeof text, "%02d h", hour);
  return text;
}
std::string dash_internal_error() {
  return "Une erreur inattendue s’est produite. Elle est notée dans le journal du centre.";
}
std::string dash_link_title() {
  return "Liaison des agences avec le centre";
}
std::string dash_link_note() {
  return "Une agence dont la liaison fonctionne se manifeste au moins toutes les 10 secondes. Heures locales de l’agence.";
}
std::string dash_link_state(long long silent_seconds) {
  if (silent_seconds < 0) return "jamais jointe";
  if (silent_seconds <= 30) return "à jour";
  if (silent_seconds < 3600) return "silencieuse depuis " + std::to_string(silent_seconds / 60) + " min";
  if (silent_seconds < 2 * 86400) return "silencieuse depuis " + std::to_string(silent_seconds / 3600) + " h";
  return "silencieuse depuis " + std::to_string(silent_seconds / 86400) + " jours";
}
std::string dash_log_db_error(const std::string& message) {
  return "tableau de bord : " + message;
}
std::string dash_log_listening(const std::string& host, int port, bool tls) {
  return std::string("tableau de bord : en écoute sur ") + (tls ? "https://" : "http://") + host + ":" + std::to_string(port);
}
std::string dash_log_login(const std::string& login, const std::string& address) {
  return "tableau de bord : connexion de « " + login + " » depuis " + address;
}
std::string dash_log_login_failed(const std::string& login, const std::string& address) {
  return "tableau de bord : échec de connexion pour « " + login + " » depuis " + address;
}
std::string dash_log_login_limited(const std::string& login, const std::string& address) {
  return "tableau de bord : tentatives bloquées pour « " + login + " » depuis " + address;
}
std::string dash_login_title() {
  return "Connexion";
}
std::string dash_login_label() {
  return "Identifiant";
}
std::string dash_password_label() {
  return "Mot de passe";
}
std::string dash_login_button() {
  return "Se connecter";
}
std::string dash_logout() {
  return "Se déconnecter";
}
std::string dash_login_taken(const std::string& login) {
  return "L’identifiant « " + login + " » existe déjà.";
}
std::string dash_masked_note() {
  return "Pour que personne ne soit reconnaissable, les nombres de 1 à 4 sont affichés « < 5 » (et un second quand un seul l’est).";
}
std::string dash_missing_param(const std::string& name) {
  return "Le paramètre « " + name + " » manque.";
}
std::string dash_nav_label() {
  return "Agences";
}
std::string dash_no_such_login(const std::string& login) {
  return "Aucun compte n’a l’identifiant « " + login + " ».";
}
std::string dash_option_for_role(const std::string& option, const std::string& role) {
  return "L’option " + option + " ne sert qu’au rôle " + role + ".";
}
std::string dash_other_origin() {
  return "Ce formulaire a été envoyé depuis un autre site : refusé.";
}
std::string dash_page_not_found(const std::string& path) {
  return "La page « " + path + " » n’existe pas.";
}
std::string dash_param_too_long(const std::string& name, std::size_t max) {
  return "Le paramètre « " + name + " » dépasse " + std::to_string(max) + " caractères.";
}
std::string dash_print_title() {
  return "Tickets non imprimés";
}
std::string dash_range_text(const std::string& from, const std::string& to) {
  return "Du " + from + " au " + to + " (jours ouvrés en heure de Nouméa).";
}
std::string dash_range_too_long(int max_days) {
  return "La période dépasse " + std::to_string(max_days) + " jours : choisissez-en une plus courte.";
}
std::string dash_repeated_param(const std::string& name) {
  return "Le paramètre « " + name + " » est donné plusieurs fois.";
}
std::string dash_request_refused(int status) {
  return "La demande a été refusée (code " + std::to_string(status) + ").";
}
std::string dash_scope_agency(const std::string& id) {
  return "Un compte agence a besoin de l’identifiant de son agence (--agency) ; « " + id + " » n’en est pas un.";
}
std::string dash_scope_partner(const std::string& code) {
  return "Un compte partenaire a besoin du code de son partenaire (--partner, par exemple cafat) ; « " + code + " » n’en est pas un.";
}
std::string dash_scope_not_wanted() {
  return "Un compte coordination voit toutes les agences : ni --agency ni --partner.";
}
std::string dash_signed_in_as(const std::string& name) {
  return "Connecté : " + name;
}
std::string dash_site_name() {
  return "Points Conseil Numérique — tableau de bord du pilote";
}
std::string dash_skip_link() {
  return "Aller au contenu";
}
std::string dash_tls_missing(const std::string& certificate, const std::string& key) {
  return "le certificat " + certificate + " ou la clé " + key + " est introuvable ou illisible (fichiers PEM attendus)";
}
std::string dash_too_many_attempts(long minutes) {
  return "Trop de tentatives de connexion : réessayez dans " + std::to_string(minutes) + " minutes.";
}
std::string dash_unknown_agency(const std::string& id) {
  return "L’agence « " + id + " » n’existe pas au centre.";
}
std::string dash_unknown_param(const std::string& name) {
  return "Le paramètre « " + name + " » n’est pas connu : du, au (et, pour un téléchargement, tableau et format).";
}
std::string dash_unknown_table(const std::string& key) {
  return "Le tableau « " + key + " » n’existe pas sur cette page.";
}
std::string dash_waits_title() {
  return "Attente par agence";
}
std::string dash_waits_note() {
  return "Attente : de la prise du ticket à l’appel, en minutes entières, pour les personnes reçues. 90 % : neuf personnes sur dix ont attendu au plus ce temps.";
}
std::string dash_weekly_title() {
  return "Accompagnements par semaine et par agence";
}
std::string dash_weekly_one_title() {
  return "Accompagnements par semaine";
}
std::string dash_weekly_sheet() {
  return "Accompagnements par semaine";
}
std::string dash_weekly_note() {
  return "Visites servies au guichet, semaine par semaine (du lundi au dimanche).";
}
std::string follow_title() {
  return "Suivre mon ticket";
}
std::string follow_your_number() {
  return "Votre numéro";
}
std::string follow_ahead(int ahead) {
  if (ahead == 0) return "Vous êtes le prochain";
  if (ahead == 1) return "1 personne avant vous";
  return std::to_string(ahead) + " personnes avant vous";
}
std::string follow_called(const std::string& counter) {
  return counter.empty() ? std::string("C’est votre tour !") : "C’est votre tour ! Présentez-vous au " + counter;
}
std::string follow_finished(const std::string& state) {
  if (state == "done") return "Votre visite est terminée. Merci !";
  if (state == "absent") return "Votre numéro a été appelé sans réponse. Adressez-vous à l’accueil.";
  return "La file est fermée pour aujourd’hui.";
}
std::string follow_invalid_title() {
  return "Lien non valable";
}
std::string follow_invalid() {
  return "Ce lien de suivi n’est pas valable. Vérifiez qu’il vient bien du code QR de votre ticket.";
}
std::string follow_other_day_title() {
  return "Ticket d’un autre jour";
}
std::string follow_other_day(const std::string& day) {
  return "Ce ticket était valable le " + day + " seulement.";
}
std::string follow_unavailable_title() {
  return "Information non disponible";
}
std::string follow_unavailable() {
  return "L’agence ne transmet pas ses informations pour le moment : nous ne pouvons pas dire où en est la file. Votre ticket reste valable ; fiez-vous à l’écran de l’agence.";
}
std::string follow_pending_title() {
  return "Un instant…";
}
std::string follow_pending() {
  return "Votre ticket n’est pas encore arrivé jusqu’ici. Cette page se met à jour toute seule.";
}
std::string follow_updated(const std::string& clock, int seconds) {
  return "Informations de " + clock + " ; la page se met à jour toutes les " + std::to_string(seconds) + " secondes.";
}
std::string option_account_login() {
  return "Identifiant du compte";
}
std::string option_account_name() {
  return "Prénom et nom de la personne";
}
std::string option_account_role() {
  return "Rôle : coordination (toutes les agences), agence (la sienne), partenaire (ses visites)";
}
std::string option_account_agency() {
  return "Rôle agence : l’identifiant de l’agence";
}
std::string option_account_partner() {
  return "Rôle partenaire : le code du partenaire (par exemple cafat)";
}

// --- « Suivre mon ticket » (issue #13) ---
std::string config_bad_follow_base(const std::string& url, std::size_t max_bytes) {
  if (url.size() > max_bytes) {
    return "l’adresse de la page de suivi fait " + std::to_string(url.size()) + " octets, " +
           std::to_string(max_bytes) + " au plus";
  }
  return "« " + url + " » n’est pas l’adresse de la page de suivi : attendu http://… ou "
         "https://…, sans espace";
}

std::string ship_bad_follow_key() {
  return "clé de suivi illisible (64 chiffres hexadécimaux attendus) : laissée de côté, les "
         "tickets de cette agence ne peuvent pas encore être suivis";
}

std::string follow_key_missing(const std::string& name) {
  return "la clé d’envoi « " + name + " » n’a pas de partie secrète utilisable : impossible d’en "
         "tirer la clé de suivi des tickets";
}

std::string central_follow_key_refused(const std::string& agency, const std::string& reason) {
  return "clé de suivi de « " + agency + " » ignorée (les liens « suivre mon ticket » gardent la précédente) : " + reason;
}

std::string take_follow(const std::string& url) {
  return "Suivre ce ticket sur un téléphone : " + url;
}

// --- Waits ---

std::string wait_duration(int minutes) {
  if (minutes < 60) return std::to_string(minutes) + " min";
  const int h = minutes / 60;
  const int m = minutes % 60;
  if (m == 0) return std::to_string(h) + " h";
  return std::to_string(h) + " h " + (m < 10 ? "0" : "") + std::to_string(m);
}
std::string wait_between(int low, int high) {
  if (low == high) return "environ " + wait_duration(high);  // one number (an older hub's)
  if (low <= 0 && high <= 1) return "moins d’une minute";
  if (low <= 0) return "moins de " + wait_duration(high);
  if (high < 60) return "entre " + std::to_string(low) + " et " + std::to_string(high) + " min";
  return "entre " + wait_duration(low) + " et " + wait_duration(high);
}
std::string wait_ticket(const std::string& range) { return "Attente estimée : " + range; }
std::string wait_ticket_next() { return "Vous êtes le prochain"; }
std::string wait_ticket_no_counter() {
  return "Aucun guichet ouvert pour ce service pour l’instant";
}
std::string wait_ticket_resumes(int minute_of_day, const std::string& range) {
  return "Reprise à " + clock_time(minute_of_day) + " ; attente estimée : " + range;
}
std::string wait_queue_next() { return "pas d’attente"; }
std::string wait_queue_no_counter() { return "aucun guichet ouvert"; }
std::string wait_queue_resumes(int minute_of_day, const std::string& range) {
  return "reprise à " + clock_time(minute_of_day) + ", " + range;
}


std::string follow_no_estimate() {
  return "Pas d’estimation pour le moment : aucun guichet n’appelle ce service.";
}

std::string hub_open_files(std::size_t limit) {
  std::string line = "Fichiers ouverts permis (connexions comprises) : " + std::to_string(limit);
  if (limit < 4096) {
    line += " — peu : quelques milliers de connexions muettes suffiraient à bloquer le serveur ; "
            "relevez la limite (LimitNOFILE= du service systemd, ou ulimit -n)";
  }
  return line;
}

std::string no_display(const std::string& display) {
  const std::string which = display.empty() ? "la variable DISPLAY est vide"
                                            : "l’écran « " + display + " » ne répond pas";
  return "Aucun écran graphique pour ouvrir la fenêtre (" + which + ") : lancez le programme dans "
         "la session graphique du poste, ou sans fenêtre (ticket-printer --headless, display "
         "--once, captures --screenshot sous xvfb-run).";
}

}  // namespace pcn::text
