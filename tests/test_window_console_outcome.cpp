// Issue #11 in the agent console's real window under Xvfb, against a real hub, driven by xdotool
// as an agent's hand would: « Terminé » → the outcome page (CAFAT proposed for a CAFAT ticket) →
// one key per line → Entrée (pressed twice: the second calls nobody) → « Appeler le suivant », then « Appeler le suivant » with a visitor
// still at the counter → their outcome first, by clicks → the next call. What the hub stored is
// checked code by code. The issue asks for the capture in at most 20 s: the scripted input is
// counted (touches and keys) and its time measured and printed, from « Terminé » to the next
// visitor on the screen.
#include <doctest/doctest.h>

#include <chrono>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "support/console_window.h"
#include "support/hub_fixture.h"
#include "text/catalog.h"

using namespace pcn;
using namespace std::chrono_literals;
using console::Control;

namespace {

using testing::click;
using testing::hub_ticket;
using testing::hub_until;
using testing::key;
using Screen = testing::ConsoleScreen;
using WindowThread = testing::ConsoleWindowThread;
constexpr unsigned kWidth = testing::kConsoleWidth;
constexpr unsigned kHeight = testing::kConsoleHeight;

bool serving(const console::ConsoleView& v, const std::string& label) {
  return v.serving && v.serving->label == label && !v.busy && v.page == console::Page::counter;
}

/// The labels chosen on the page's line `line`.
std::vector<std::string> chosen(const console::ConsoleView& v, std::size_t line) {
  std::vector<std::string> out;
  for (const console::FormChoice& c : v.form_rows.at(line).choices) {
    if (c.chosen) out.push_back(c.label);
  }
  return out;
}

/// The index on the outcome page of the line titled `title`.
std::size_t line_of(const console::ConsoleView& v, const std::string& title) {
  for (std::size_t i = 0; i < v.form_rows.size(); ++i) {
    if (v.form_rows[i].title == title) return i;
  }
  FAIL("no line " << title);
  return 0;
}

/// The index of choice `label` on line `line`.
std::size_t choice_of(const console::ConsoleView& v, std::size_t line, const std::string& label) {
  const auto& choices = v.form_rows.at(line).choices;
  for (std::size_t i = 0; i < choices.size(); ++i) {
    if (choices[i].label == label) return i;
  }
  FAIL("no choice " << label);
  return 0;
}

}  // namespace

TEST_CASE("agent_console::run_console: finish → outcome → next call, by keys and by clicks") {
  REQUIRE_MESSAGE(std::getenv("DISPLAY") != nullptr, "run under xvfb-run");
  testing::TestHub hub;
  hub.start();
  {
    auto kiosk = hub.client("kiosk", false);
    for (const char* service : {"C", "C", "C"}) {
      REQUIRE(kiosk->request("take_ticket", {{"service", service}}).ok());
    }
  }
  auto agent = hub.client("agent");
  REQUIRE(agent->wait_live(5s));
  agent_console::ConsoleSettings settings;
  settings.agency_name = "OPT Test";
  settings.counter = 1;
  settings.agent = "Marie";
  Screen screen;
  agent_console::ConsoleWindow window{std::to_string(kWidth) + "x" + std::to_string(kHeight),
                                      [&screen](const console::ConsoleView& v) { screen.shown(v); }};
  WindowThread ui(*agent, settings, window);
  REQUIRE(screen.until([](const auto& v) { return v.live && v.status.tone == console::Tone::success; }));

  key("space");
  REQUIRE(screen.until([](const auto& v) { return serving(v, "C-001"); }));

  // « Terminé » (T): the outcome page, CAFAT proposed for a CAFAT ticket, nothing else chosen.
  const auto start = std::chrono::steady_clock::now();
  int inputs = 0;
  auto press = [&inputs](const std::string& name) {
    key(name);
    ++inputs;
  };
  press("t");
  REQUIRE(screen.until([](const auto& v) { return v.page == console::Page::outcome; }));
  const console::ConsoleView page = *screen.view();
  CHECK(page.form_title == text::console_outcome_title("C-001", "CAFAT"));
  CHECK(chosen(page, line_of(page, "Partenaire")) == std::vector<std::string>{"CAFAT"});
  CHECK(chosen(page, line_of(page, "Autonomie")).empty());
  CHECK(hub_ticket(hub, "C-001").at("state") == "called");  // nothing sent yet

  // The agent's keys: F3 (Numérique) 5 = Espace en ligne et mot de passe; F4 (Autonomie) 2 =
  // accompagné pas à pas, which moves on to Résultat: 1 = aboutie, Orientation: 1 = aucune,
  // 1re visite: 1 = oui; then Entrée.
  for (const char* k : {"F3", "5", "F4", "2", "1", "1", "1"}) press(k);
  REQUIRE(screen.until([](const auto& v) {
    return v.page == console::Page::outcome && !v.form_rows.empty() &&
           v.form_rows.at(6).choices.at(0).chosen;  // 1re visite: Oui
  }));
  press("Return");
  press("Return");  // Entrée twice, as a hurried hand does: the second must not call anyone
  REQUIRE(hub_until([&] { return hub_ticket(hub, "C-001").at("state") == "done"; }));
  REQUIRE(screen.until([](const auto& v) { return v.page == console::Page::counter && !v.busy; }));
  std::this_thread::sleep_for(300ms);
  CHECK(hub_ticket(hub, "C-002").at("state") == "waiting");
  std::this_thread::sleep_for(400ms);  // a person looks up, then calls
  press("space");  // Appeler le suivant
  REQUIRE(screen.until([](const auto& v) { return serving(v, "C-002"); }));
  const auto took = std::chrono::steady_clock::now() - start;
  const double seconds = std::chrono::duration<double>(took).count();
  MESSAGE("finish → outcome → next call: " << inputs << " keys, " << seconds
                                           << " s from « Terminé » to C-002 on the screen");
  CHECK(inputs <= 12);   // at a touch every 1.5 s, under 20 s for a person
  CHECK(seconds < 20.0);

  const protocol::Json outcome = hub_ticket(hub, "C-001").at("outcome");
  CAPTURE(outcome.dump());
  CHECK(outcome.at("partner") == protocol::Json::array({"cafat"}));
  CHECK(outcome.at("theme") == protocol::Json::array({"espace_en_ligne"}));
  CHECK(outcome.at("autonomy") == "pas_a_pas");
  CHECK(outcome.at("result") == "aboutie");
  CHECK(outcome.at("orientation") == "aucune");
  CHECK(outcome.at("first_visit") == "oui");
  CHECK(outcome.value("age_band", protocol::Json()).is_null());
  CHECK(hub_ticket(hub, "C-002").at("state") == "called");

  // « Appeler le suivant » with C-002 still at the counter: their outcome first. What was
  // validated for CAFAT is proposed again (partner and theme); the profile is not.
  click(screen.centre(Control::call_next));
  REQUIRE(screen.until([](const auto& v) { return v.page == console::Page::outcome; }));
  console::ConsoleView again = *screen.view();
  CHECK(again.form_title == text::console_outcome_title("C-002", "CAFAT"));
  CHECK(chosen(again, line_of(again, "Partenaire")) == std::vector<std::string>{"CAFAT"});
  CHECK(chosen(again, line_of(again, "Numérique")) ==
        std::vector<std::string>{"Espace en ligne et mot de passe"});
  CHECK(chosen(again, line_of(again, "Autonomie")).empty());
  CHECK(hub_ticket(hub, "C-003").at("state") == "waiting");  // no call before the outcome
  // By clicks: autonomy « Autonome », result « À poursuivre », then Valider.
  const std::size_t autonomy = line_of(again, "Autonomie");
  const std::size_t result = line_of(again, "Résultat");
  click(screen.centre(Control::form_choice,
                      console::choice_index(autonomy, choice_of(again, autonomy, "Autonome"))));
  click(screen.centre(Control::form_choice,
                      console::choice_index(result, choice_of(again, result, "À poursuivre"))));
  REQUIRE(screen.until([&](const auto& v) {
    return v.page == console::Page::outcome && !chosen(v, result).empty();
  }));
  click(screen.centre(Control::confirm));
  // The finish lands, then the call follows by itself.
  REQUIRE(hub_until([&] { return hub_ticket(hub, "C-003").at("state") == "called"; }));
  REQUIRE(screen.until([](const auto& v) { return serving(v, "C-003"); }));
  const protocol::Json second = hub_ticket(hub, "C-002").at("outcome");
  CAPTURE(second.dump());
  CHECK(hub_ticket(hub, "C-002").at("state") == "done");
  CHECK(second.at("partner") == protocol::Json::array({"cafat"}));
  CHECK(second.at("theme") == protocol::Json::array({"espace_en_ligne"}));
  CHECK(second.at("autonomy") == "autonome");
  CHECK(second.at("result") == "a_poursuivre");
  CHECK(second.value("first_visit", protocol::Json()).is_null());

  // Échap on the outcome page sends nothing: C-003 stays at the counter.
  key("t");
  REQUIRE(screen.until([](const auto& v) { return v.page == console::Page::outcome; }));
  key("Escape");
  REQUIRE(screen.until([](const auto& v) { return serving(v, "C-003"); }));
  std::this_thread::sleep_for(300ms);
  CHECK(hub_ticket(hub, "C-003").at("state") == "called");
}
