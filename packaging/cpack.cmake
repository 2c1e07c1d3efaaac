# Debian 12 packages of pcn-queue, built with `cmake --build BUILD --target package` (or `cpack` in
# BUILD). Included at the end of the top-level CMakeLists.txt. Four packages, one per component:
#   pcn-queue-common    (all)   /etc/pcn-queue/agence.toml (conffile, made from the Bourail example
#                               with Debian folders), /etc/pcn-queue/keys, pcn-session.target, the
#                               XDG autostart entry that starts it, the installation guide
#   pcn-ticket-printer  (amd64) /usr/bin/ticket-printer, pcn-hub.service (system, user `pcn`,
#                               made by its postinst), pcn-kiosk.service (user), the tmpfiles.d
#                               entry of the slips folder (/var/tmp/pcn-queue-tickets, group pcn,
#                               2775), which its postinst also creates
#   pcn-display         (amd64) /usr/bin/pcn-display (renamed: /usr/bin/display is ImageMagick's),
#                               pcn-display.service (user)
#   pcn-agent-console   (amd64) /usr/bin/agent-console, pcn-agent-console.service (user)
#   pcn-central         (amd64) /usr/bin/pcn-central, pcn-central.service (system, user
#                               `pcn-central`, made by its postinst), /etc/pcn-central/central.toml,
#                               the centre's guide and the analysts' tables
# Each program package depends on pcn-queue-common of the same version, on the libraries
# dpkg-shlibdeps finds, and on what it runs or loads by name (fonts, espeak-ng).

set(pcn_packaging ${CMAKE_CURRENT_LIST_DIR})
set(pcn_doc /usr/share/doc/pcn-queue-common)

# --- /etc/pcn-queue/agence.toml: the example agency, with the folders a package install uses ---
set(pcn_example ${PROJECT_SOURCE_DIR}/examples/agence-bourail.toml)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${pcn_example})
file(READ ${pcn_example} pcn_agency)
set(pcn_tickets /var/tmp/pcn-queue-tickets)  # [printer] folder: made by tmpfiles.d and postinst
foreach(pair "data|/var/lib/pcn-queue" "keys|/etc/pcn-queue/keys" "tickets|${pcn_tickets}")
  string(REPLACE "|" ";" pair "${pair}")
  list(GET pair 0 from)
  list(GET pair 1 to)
  string(FIND "${pcn_agency}" "folder = \"${from}\"" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "packaging: ${pcn_example} has no line 'folder = \"${from}\"' to rewrite")
  endif()
  string(REPLACE "folder = \"${from}\"" "folder = \"${to}\"" pcn_agency "${pcn_agency}")
endforeach()
file(WRITE ${CMAKE_BINARY_DIR}/packaging/agence.toml
  "# /etc/pcn-queue/agence.toml, installé par le paquet pcn-queue-common : l’exemple de l’agence\n"
  "# de Bourail, avec les dossiers d’une installation par paquets. Adaptez-le à l’agence (guide :\n"
  "# ${pcn_doc}/installation-agence.md), puis copiez le même fichier sur chaque poste.\n"
  "#\n"
  "${pcn_agency}")

# The slips folder that the package makes is the one the packaged config names.
set(pcn_tmpfiles ${pcn_packaging}/tmpfiles/pcn-ticket-printer.conf)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${pcn_tmpfiles})
file(STRINGS ${pcn_tmpfiles} pcn_tickets_line REGEX "^d ${pcn_tickets} 2775 pcn pcn ")
if(NOT pcn_tickets_line)
  message(FATAL_ERROR "packaging: ${pcn_tmpfiles} has no line 'd ${pcn_tickets} 2775 pcn pcn …'")
endif()

# --- install rules (the programs' own rules name their component: ticket_printer, display…) ---
install(FILES ${CMAKE_BINARY_DIR}/packaging/agence.toml DESTINATION /etc/pcn-queue COMPONENT common)
install(DIRECTORY DESTINATION /etc/pcn-queue/keys COMPONENT common)
install(FILES ${pcn_packaging}/pcn-queue-session.desktop DESTINATION /etc/xdg/autostart
        COMPONENT common)
install(FILES ${pcn_packaging}/systemd/user/pcn-session.target DESTINATION lib/systemd/user
        COMPONENT common)
install(FILES ${PROJECT_SOURCE_DIR}/docs/installation-agence.md
              ${pcn_example}
        DESTINATION share/doc/pcn-queue-common COMPONENT common)
install(FILES ${pcn_packaging}/systemd/system/pcn-hub.service DESTINATION lib/systemd/system
        COMPONENT ticket_printer)
install(FILES ${pcn_packaging}/systemd/user/pcn-kiosk.service DESTINATION lib/systemd/user
        COMPONENT ticket_printer)
install(FILES ${pcn_tmpfiles} DESTINATION lib/tmpfiles.d COMPONENT ticket_printer)
install(FILES ${pcn_packaging}/systemd/user/pcn-display.service DESTINATION lib/systemd/user
        COMPONENT display)
install(FILES ${pcn_packaging}/systemd/user/pcn-agent-console.service DESTINATION lib/systemd/user
        COMPONENT agent_console)
install(FILES ${pcn_packaging}/systemd/system/pcn-central.service DESTINATION lib/systemd/system
        COMPONENT central)
install(FILES ${PROJECT_SOURCE_DIR}/examples/central.toml DESTINATION /etc/pcn-central
        COMPONENT central)
install(FILES ${PROJECT_SOURCE_DIR}/docs/installation-centre.md
              ${PROJECT_SOURCE_DIR}/docs/central-tables.md
        DESTINATION share/doc/pcn-central COMPONENT central)

# --- CPack ---
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME pcn-queue)
set(CPACK_PACKAGE_VENDOR "OPT-NC")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_PRE_BUILD_SCRIPTS ${pcn_packaging}/strip.cmake)  # strips the programs
set(CPACK_COMPONENTS_ALL common ticket_printer display agent_console central)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_ENABLE_COMPONENT_DEPENDS ON)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "Équipe pilote PCN, OPT-NC <pcn-pilote@opt-nc.invalid>")
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

set(CPACK_DEBIAN_COMMON_PACKAGE_NAME pcn-queue-common)
set(CPACK_DEBIAN_COMMON_PACKAGE_ARCHITECTURE all)
set(CPACK_DEBIAN_COMMON_PACKAGE_RECOMMENDS "dbus-user-session")
set(CPACK_DEBIAN_COMMON_PACKAGE_CONTROL_EXTRA ${pcn_packaging}/debian/common/conffiles)
set(CPACK_COMPONENT_COMMON_DESCRIPTION
    "pcn-queue : configuration de l'agence et démarrage dans la session graphique
Tickets et appels des Points Conseil Numérique de l'OPT-NC. Ce paquet installe
/etc/pcn-queue/agence.toml (l'agence à adapter), le dossier des clés, la cible
systemd utilisateur pcn-session.target et le guide d'installation d'une agence.")

set(CPACK_DEBIAN_TICKET_PRINTER_PACKAGE_NAME pcn-ticket-printer)
set(CPACK_DEBIAN_TICKET_PRINTER_PACKAGE_DEPENDS "adduser, fonts-dejavu-core")
set(CPACK_DEBIAN_TICKET_PRINTER_PACKAGE_RECOMMENDS "cups, cups-client")
set(CPACK_DEBIAN_TICKET_PRINTER_PACKAGE_CONTROL_EXTRA
    "${pcn_packaging}/debian/ticket-printer/postinst;${pcn_packaging}/debian/ticket-printer/prerm;${pcn_packaging}/debian/ticket-printer/postrm")
set(CPACK_COMPONENT_TICKET_PRINTER_DEPENDS common)
set(CPACK_COMPONENT_TICKET_PRINTER_DESCRIPTION
    "pcn-queue : borne de tickets et serveur de la file de l'agence
La borne où les visiteurs prennent un ticket numéroté, imprimé par CUPS (pilote
ou ESC/POS), et le serveur de la file (hub) de l'agence : service système
pcn-hub.service (utilisateur pcn, base SQLite dans /var/lib/pcn-queue) et
service utilisateur pcn-kiosk.service pour l'écran tactile.")

set(CPACK_DEBIAN_DISPLAY_PACKAGE_NAME pcn-display)
set(CPACK_DEBIAN_DISPLAY_PACKAGE_DEPENDS "fonts-dejavu-core, espeak-ng")
set(CPACK_COMPONENT_DISPLAY_DEPENDS common)
set(CPACK_COMPONENT_DISPLAY_DESCRIPTION
    "pcn-queue : écran de la salle d'attente
Affiche les appels (numéro et guichet) et l'attente de chaque service, avec un
carillon et une voix française (espeak-ng). Service utilisateur
pcn-display.service ; le programme s'appelle pcn-display.")

set(CPACK_DEBIAN_AGENT_CONSOLE_PACKAGE_NAME pcn-agent-console)
set(CPACK_DEBIAN_AGENT_CONSOLE_PACKAGE_DEPENDS "fonts-dejavu-core")
set(CPACK_COMPONENT_AGENT_CONSOLE_DEPENDS common)
set(CPACK_COMPONENT_AGENT_CONSOLE_DESCRIPTION
    "pcn-queue : console de l'agent au guichet
Appeler le visiteur suivant, rappeler, absent, transférer, terminer, pause, et
les chiffres du jour. Service utilisateur pcn-agent-console.service.")

set(CPACK_DEBIAN_CENTRAL_PACKAGE_NAME pcn-central)
set(CPACK_DEBIAN_CENTRAL_PACKAGE_DEPENDS "adduser")
set(CPACK_DEBIAN_CENTRAL_PACKAGE_RECOMMENDS "postgresql-15")
set(CPACK_DEBIAN_CENTRAL_PACKAGE_CONTROL_EXTRA
    "${pcn_packaging}/debian/central/postinst;${pcn_packaging}/debian/central/conffiles")
set(CPACK_COMPONENT_CENTRAL_DESCRIPTION
    "pcn-queue : centre du pilote (journaux des agences dans PostgreSQL)
Reçoit le journal d'événements de chaque agence Point Conseil Numérique par
CurveZMQ (les agences se connectent, n'ouvrent aucun port) et le range dans
PostgreSQL 15 : tables agencies, pilot_tickets, pilot_accompaniments. Service
système pcn-central.service (utilisateur pcn-central).")

include(CPack)
