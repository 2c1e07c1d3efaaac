// agent_console::ConsoleController against a real hub (tests/support/hub_fixture.h): what the
// agent sees after each action (the called ticket, the hub's sentence, its refusal, an
// unreachable hub), the pending state that disables the buttons, the set-up page and its kept
// choice, the dialogs, the services' boxes, the alerts and today's figures.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <thread>

#include "agent-console/console_choice.h"
#include "agent-console/console_controller.h"
#include "agent-console/counter_action.h"
#include "agent-console/action_command.h"
#include "net/curve_keys.h"
#include "support/engine_fixture.h"
#include "support/hub_fixture.h"
#include "support/temp_dir.h"
#include "queue/wait_text.h"
#include "text/catalog.h"

using namespace pcn;
using namespace std::chrono_literals;
using agent_console::ConsoleController;
using agent_console::ConsoleSettings;
using console::Control;
using console::Page;
using console::Tone;

namespace {

/// A console for counter 1 (CAFAT and Factures in the test agency), Marie at it.
struct Console {
  explicit Console(testing::TestHub& hub, ConsoleSettings settings = {})
      : client(hub.client("agent")), controller(*client, hub.clock(), complete(settings)) {
    REQUIRE(client->wait_live(5s));
  }

  static ConsoleSettings complete(ConsoleSettings s) {
    if (!s.counter && s.agent.empty()) {
      s.counter = 1;
      s.agent = "Marie";
    }
    s.agency_name = "OPT Test";
    return s;
  }

  /// Pumps until `done`, at most 8 s.
  template <typename Pred>
  bool until(Pred done) {
    const auto deadline = std::chrono::steady_clock::now() + 8s;
    while (std::chrono::steady_clock::now() < deadline) {
      client->pump(20ms);
      controller.tick();
      if (done()) return true;
    }
    return false;
  }
  bool settle() { return until([&] { return controller.idle(); }); }
  void press(Control c, std::size_t index = 0) { controller.press({c, index}); }
  void type(const std::string& ascii) {
    for (char c : ascii) controller.type(static_cast<char32_t>(c));
  }
  console::ConsoleView view() const { return controller.view(); }
  /// The service's index in the view (the agency's order).
  std::size_t service_index(char prefix) const {
    auto v = view();
    for (std::size_t i = 0; i < v.services.size(); ++i) {
      if (v.services[i].prefix == prefix) return i;
    }
    FAIL("no such service");
    return 0;
  }

  std::unique_ptr<client::Client> client;
  ConsoleController controller;
};

void take(testing::TestHub& hub, const std::string& service, int n = 1) {
  auto kiosk = hub.client("kiosk", false);
  for (int i = 0; i < n; ++i) REQUIRE(kiosk->request("take_ticket", {{"service", service}}).ok());
}

protocol::Json snapshot(testing::TestHub& hub) {
  auto snap = hub.client("supervisor", false)->request("snapshot");
  REQUIRE(snap.ok());
  return *snap;
}

protocol::Json ticket(testing::TestHub& hub, const std::string& label) {
  const protocol::Json snap = snapshot(hub);
  for (const auto& t : snap.at("tickets")) {
    if (t.at("label") == label) return t;
  }
  FAIL("no ticket " << label);
  return {};
}

protocol::Json counter(testing::TestHub& hub, int number) {
  const protocol::Json snap = snapshot(hub);
  for (const auto& c : snap.at("counters")) {
    if (c.at("number") == number) return c;
  }
  FAIL("no counter " << number);
  return {};
}

const console::Button* button(const console::ConsoleView& v, Control c, std::size_t index = 0) {
  static std::vector<console::Button> all;
  all = console::buttons(v);
  return console::find_button(all, c, index);
}

}  // namespace

TEST_CASE("agent_console::ConsoleController tells the hub who is at the counter once live") {
  testing::TestHub hub;
  hub.start();
  Console console(hub);
  CHECK(console.view().page == Page::counter);
  REQUIRE(console.settle());
  REQUIRE(console.until([&] { return counter(hub, 1).at("agent") == "Marie"; }));
  CHECK(counter(hub, 1).at("services") == "CF");  // kept as the hub had them
  auto v = console.view();
  CHECK(v.status.tone == Tone::success);
  CHECK(v.status.text == text::console_opened("Guichet 1", "Marie"));
  CHECK(v.counter_label == "Guichet 1");
  CHECK(v.agent_name == "Marie");
  CHECK(v.live);
  CHECK(v.connection_text == client::connection_text(client::Connection::live));
  CHECK(v.time_text == "09:00");
  CHECK(v.date_text == "lundi 23 novembre 2026");
}

TEST_CASE("agent_console::ConsoleController calls the next visitor and shows the ticket large") {
  testing::TestHub hub;
  hub.start();
  take(hub, "C", 2);
  Console console(hub);
  REQUIRE(console.settle());
  hub.clock().advance(7min);  // C-001 waited seven minutes
  console.press(Control::call_next);
  auto pending = console.view();
  CHECK(pending.busy);
  CHECK(pending.status.tone == Tone::pending);
  CHECK(pending.status.text.find("…") != std::string::npos);
  CHECK_FALSE(button(pending, Control::call_next)->enabled);
  REQUIRE(console.settle());
  REQUIRE(console.until([&] { return console.view().serving.has_value(); }));
  auto v = console.view();
  CHECK_FALSE(v.busy);
  REQUIRE(v.serving);
  CHECK(v.serving->label == "C-001");
  CHECK(v.serving->service == "CAFAT");
  CHECK(v.serving->waited == text::console_waited(7));
  CHECK(v.serving->at_counter == text::console_at_counter(0));
  CHECK(v.status.tone == Tone::success);
  CHECK(v.status.text == text::counter_action_called("Guichet 1", "C-001", "CAFAT"));
  CHECK(ticket(hub, "C-001").at("state") == "called");
  // The time at the counter runs; a recall counts the calls.
  hub.clock().advance(65s);
  CHECK(console.view().serving->at_counter == text::console_at_counter(65));
  console.press(Control::recall);
  REQUIRE(console.settle());
  REQUIRE(console.until([&] { return !console.view().serving->calls.empty(); }));
  CHECK(console.view().serving->calls == text::console_calls(2));
  CHECK(ticket(hub, "C-001").at("calls") == 2);
  // Terminé asks for the outcome; Passer frees the counter with none ("non renseigné").
  console.press(Control::finish);
  CHECK(console.view().page == Page::outcome);
  console.press(Control::skip);
  REQUIRE(console.settle());
  REQUIRE(console.until([&] { return !console.view().serving.has_value(); }));
  CHECK(ticket(hub, "C-001").at("state") == "done");
  CHECK(ticket(hub, "C-001").at("outcome").is_null());
  CHECK(console.view().status.text ==
        text::counter_action_finished("Guichet 1", "C-001") + text::console_skipped_note());
}

TEST_CASE("agent_console::ConsoleController sends one call for a double tap") {
  testing::TestHub hub;
  hub.start();
  take(hub, "C", 2);
  Console console(hub);
  REQUIRE(console.settle());
  console.press(Control::call_next);
  console.press(Control::call_next);  // the second tap, before any reply
  console.press(Control::finish);
  REQUIRE(console.settle());
  std::this_thread::sleep_for(300ms);
  console.settle();
  CHECK(ticket(hub, "C-001").at("state") == "called");
  CHECK(ticket(hub, "C-002").at("state") == "waiting");
}

TEST_CASE("agent_console::ConsoleController shows the hub's refusal in French") {
  testing::TestHub hub;
  hub.start();
  Console console(hub);
  REQUIRE(console.settle());
  console.press(Control::call_next);  // nobody waits
  REQUIRE(console.settle());
  auto v = console.view();
  CHECK(v.status.tone == Tone::failure);
  CHECK(v.status.text == text::queue_empty(1));
  CHECK_FALSE(v.serving.has_value());
  CHECK(button(v, Control::call_next)->enabled);  // the agent may try again
}

TEST_CASE("agent_console::ConsoleController says when the hub does not answer and changes nothing") {
  testing::TestHub hub;
  hub.start();
  take(hub, "C");
  ConsoleSettings settings;
  settings.hub_endpoint = hub.client_options("agent").request_endpoint;
  Console console(hub, settings);
  REQUIRE(console.settle());
  hub.stop();
  console.press(Control::call_next);
  REQUIRE(console.settle());  // after the client's last retry
  auto v = console.view();
  CHECK(v.status.tone == Tone::failure);
  agent_console::CounterAction call{agent_console::Action::call_next, 1, 'A', {}};
  CHECK(v.status.text ==
        agent_console::describe_failure(call, util::Error{"unreachable", ""},
                                        settings.hub_endpoint, console.client->state()));
  CHECK_FALSE(v.serving.has_value());
  hub.start();
  CHECK(ticket(hub, "C-001").at("state") == "waiting");
  REQUIRE(console.until([&] { return console.view().live; }));
}

TEST_CASE("agent_console::ConsoleController transfers through the dialog, the visitor's own service greyed") {
  testing::TestHub hub;
  hub.start();
  take(hub, "C");
  Console console(hub);
  REQUIRE(console.settle());
  console.press(Control::call_next);
  REQUIRE(console.settle());
  REQUIRE(console.until([&] { return console.view().serving.has_value(); }));
  console.press(Control::transfer);
  auto v = console.view();
  REQUIRE(v.page == Page::transfer);
  CHECK_FALSE(button(v, Control::pick_service, console.service_index('C'))->enabled);
  console.press(Control::pick_service, console.service_index('C'));  // ignored: greyed
  CHECK(console.view().page == Page::transfer);
  console.press(Control::pick_service, console.service_index('F'));
  CHECK(console.view().page == Page::counter);
  REQUIRE(console.settle());
  auto t = ticket(hub, "C-001");
  CHECK(t.at("service") == "F");
  CHECK(t.at("state") == "waiting");
  CHECK(console.view().status.text ==
        text::counter_action_transferred("Guichet 1", "C-001", "Factures EEC / Enercal / CDE"));
}

TEST_CASE("agent_console::ConsoleController checks a typed number before calling it") {
  testing::TestHub hub;
  hub.start();
  take(hub, "C", 3);
  Console console(hub);
  REQUIRE(console.settle());
  console.press(Control::call_number);
  REQUIRE(console.view().page == Page::call_number);
  CHECK(console.view().number_hint == text::console_number_example());
  console.type("C-0X");
  console.press(Control::confirm);
  auto v = console.view();
  CHECK(v.page == Page::call_number);  // stays open to be corrected
  CHECK(v.number_invalid);
  CHECK(v.number_hint == text::console_number_invalid("C-0X"));
  console.press(Control::erase);
  console.press(Control::erase);
  CHECK(console.view().number_input == "C-");
  CHECK_FALSE(console.view().number_invalid);
  console.type("3");
  console.press(Control::confirm);
  CHECK(console.view().page == Page::counter);
  REQUIRE(console.settle());
  CHECK(ticket(hub, "C-003").at("state") == "called");
  CHECK(ticket(hub, "C-001").at("state") == "waiting");
  // Lower case and no dash work too; Échap closes without calling.
  console.press(Control::call_number);
  console.type("c1");
  CHECK(console.view().number_input == "C1");
  console.press(Control::cancel);
  CHECK(console.view().page == Page::counter);
  CHECK(ticket(hub, "C-001").at("state") == "waiting");
}

TEST_CASE("agent_console::ConsoleController pauses and resumes, and a box changes the services") {
  testing::TestHub hub;
  hub.start();
  Console console(hub);
  REQUIRE(console.settle());
  console.press(Control::pause);
  REQUIRE(console.settle());
  REQUIRE(console.until([&] { return console.view().paused; }));
  CHECK(counter(hub, 1).at("paused") == true);
  CHECK_FALSE(button(console.view(), Control::call_next)->enabled);
  CHECK(button(console.view(), Control::resume) != nullptr);
  console.press(Control::resume);
  REQUIRE(console.settle());
  REQUIRE(console.until([&] { return !console.view().paused; }));
  CHECK(counter(hub, 1).at("paused") == false);

  const std::size_t n = console.service_index('N');
  CHECK_FALSE(console.view().services[n].served);
  console.press(Control::toggle_service, n);
  REQUIRE(console.settle());
  CHECK(counter(hub, 1).at("services") == "CFN");
  REQUIRE(console.until([&] { return console.view().services[n].served; }));
  CHECK(console.view().status.text ==
        text::console_services_changed("Guichet 1", "CAFAT, Factures EEC / Enercal / CDE, Identité numérique"));
  console.press(Control::toggle_service, console.service_index('C'));
  REQUIRE(console.settle());
  CHECK(counter(hub, 1).at("services") == "FN");
  CHECK(counter(hub, 1).at("agent") == "Marie");  // the name stays with the counter
}

TEST_CASE("agent_console::ConsoleController shows the queues, their estimates and the alerts") {
  testing::TestHub hub;
  hub.start();
  take(hub, "C", 3);
  take(hub, "F", 1);
  auto kiosk = hub.client("kiosk", false);
  auto failed = kiosk->request("report_print",
                               {{"ticket", ticket(hub, "F-001").at("id")}, {"printed", false},
                                {"error", "plus de papier"}});
  REQUIRE(failed.ok());
  Console console(hub);
  REQUIRE(console.settle());
  REQUIRE(console.until([&] { return !console.view().unprinted.empty(); }));
  auto v = console.view();
  const auto& cafat = v.services[console.service_index('C')];
  CHECK(cafat.waiting == text::console_waiting(3));
  CHECK(cafat.served);
  const queue::ServiceLoad* load = console.client->state().load('C');
  REQUIRE(load != nullptr);
  REQUIRE(load->estimated_wait.has_value());
  CHECK(cafat.estimate == queue::queue_wait_text(load->wait));
  CHECK(v.services[console.service_index('N')].waiting == text::console_waiting(0));
  REQUIRE(v.unprinted.size() == 1);
  CHECK(v.unprinted[0] == console::UnprintedRow{"F-001", "plus de papier", ""});
}

TEST_CASE("agent_console::ConsoleController shows today's figures on the statistics page") {
  testing::TestHub hub;
  hub.start();
  take(hub, "C", 2);
  ConsoleSettings settings;
  settings.hours = testing::test_rules().hours;  // 07:30 to 15:30
  Console console(hub, settings);
  REQUIRE(console.settle());
  hub.clock().advance(4min);
  console.press(Control::call_next);
  REQUIRE(console.settle());
  hub.clock().advance(6min);
  console.press(Control::finish);
  console.press(Control::confirm);  // the outcome page's Valider
  REQUIRE(console.settle());
  REQUIRE(console.until([&] { return console.client->state().ticket(1)->state ==
                                      queue::TicketState::done; }));
  console.press(Control::statistics);
  auto v = console.view();
  REQUIRE(v.page == Page::statistics);
  CHECK(v.statistics_title == text::console_statistics_title("lundi 23 novembre 2026"));
  REQUIRE(v.statistics.size() >= 2);
  // The first table: tickets per service, CAFAT first with 2 tickets and 1 served.
  const console::StatsTable& tickets = v.statistics[0];
  REQUIRE_FALSE(tickets.rows.empty());
  CHECK(tickets.rows[0][0] == "CAFAT");
  CHECK(tickets.rows[0][1] == "2");
  CHECK(tickets.rows[0][2] == "1");
  // The times table says the waiting time of the served ticket: 4 min.
  bool four_minutes = false;
  for (const auto& cell : v.statistics[1].rows[0]) four_minutes |= cell == "4 min";
  CHECK(four_minutes);
  // Guichet 1 was busy 6 min of the 100 min open so far (07:30 to 09:10): 6 %, not the 1 % of
  // the whole day's opening (480 min).
  bool counter_row = false;
  for (const console::StatsTable& t : v.statistics) {
    for (const auto& row : t.rows) {
      if (row.empty() || row[0] != "Guichet 1") continue;
      counter_row = true;
      CHECK(std::find(row.begin(), row.end(), text::report_percent(6)) != row.end());
    }
  }
  CHECK(counter_row);
  console.press(Control::cancel);
  CHECK(console.view().page == Page::counter);
}

TEST_CASE("agent_console::ConsoleController asks for the counter and the name, and keeps them") {
  testing::TempDir dir("pcn-console-choice");
  testing::TestHub hub;
  hub.start();
  ConsoleSettings settings;
  settings.choice_file = agent_console::choice_file(dir.path(), "poste-test");
  {
    ConsoleSettings first = settings;
    first.counter.reset();
    first.agent.clear();
    auto client = hub.client("agent");
    REQUIRE(client->wait_live(5s));
    ConsoleController controller(*client, hub.clock(), first);
    auto v = controller.view();
    REQUIRE(v.page == Page::setup);
    REQUIRE(v.counters.size() == 3);
    CHECK(v.counters[1].label == "Guichet 2");
    CHECK_FALSE(v.setup_cancellable);
    controller.press({Control::start, 0});
    CHECK(controller.view().setup_hint == text::console_setup_need_counter());
    controller.press({Control::choose_counter, 1});
    controller.press({Control::start, 0});
    CHECK(controller.view().setup_hint == text::console_setup_need_name());
    for (char32_t c : std::u32string(U"Zoé  ")) controller.type(c);
    CHECK(controller.view().name_input == "Zoé  ");
    controller.press({Control::start, 0});
    CHECK(controller.view().page == Page::counter);
    CHECK(controller.view().agent_name == "Zoé");
    for (int i = 0; i < 100 && !(controller.idle() && counter(hub, 2).at("agent") == "Zoé"); ++i) {
      client->pump(20ms);
      controller.tick();
    }
    CHECK(counter(hub, 2).at("agent") == "Zoé");
  }
  auto kept = agent_console::load_choice(settings.choice_file);
  REQUIRE(kept.ok());
  REQUIRE(kept->has_value());
  CHECK(**kept == agent_console::ConsoleChoice{2, "Zoé"});
  // The next start, with the kept choice, goes straight to the counter page; F2 comes back.
  settings.counter = (*kept)->counter;
  settings.agent = (*kept)->agent;
  Console console(hub, settings);
  CHECK(console.view().page == Page::counter);
  CHECK(console.view().counter_label == "Guichet 2");
  console.press(Control::change_setup);
  auto v = console.view();
  CHECK(v.page == Page::setup);
  CHECK(v.setup_cancellable);
  CHECK(v.chosen_counter == std::optional<std::size_t>(1));
  CHECK(v.name_input == "Zoé");
  console.press(Control::cancel);
  CHECK(console.view().page == Page::counter);
}

TEST_CASE("agent_console::load_choice reads what save_choice wrote and names a bad file") {
  testing::TempDir dir("pcn-console-choice");
  auto file = agent_console::choice_file(dir / "data", "pc-1");
  CHECK(file.filename() == "console-pc-1.toml");
  auto none = agent_console::load_choice(file);
  REQUIRE(none.ok());
  CHECK_FALSE(none->has_value());
  REQUIRE(agent_console::save_choice(file, {3, "Jean-Marc « JM » d’Ouvéa"}).ok());
  auto back = agent_console::load_choice(file);
  REQUIRE(back.ok());
  REQUIRE(back->has_value());
  CHECK(**back == agent_console::ConsoleChoice{3, "Jean-Marc « JM » d’Ouvéa"});
  std::ofstream(file) << "counter = \"deux\"\n";
  auto bad = agent_console::load_choice(file);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().code == "bad_choice_file");
  CHECK(bad.error().message.find(file.string()) != std::string::npos);
}

TEST_CASE("client::central_link_text says how the hub's link to the centre is, in a few words") {
  const util::TimePoint now = testing::noumea_time(2026, 11, 23, 12, 0);
  using protocol::CentralLink;
  CHECK(client::central_link_text(CentralLink{true, 40, 40, now, ""}, now) == "Centre : à jour");
  CHECK(client::central_link_text(CentralLink{false, 0, 12, std::nullopt, "x"}, now) ==
        "Centre : pas encore joint");
  const CentralLink down{false, 96, 336, now - 3h - 10min, "le centre ne répond pas"};
  CHECK(client::central_link_text(down, now) == "Centre : dernier envoi il y a 3 h");
  CHECK(client::central_link_detail(down, now) ==
        "Centre : dernier envoi il y a 3 h · 240 événements en attente d’envoi · "
        "le centre ne répond pas");
  CHECK(client::central_link_text(CentralLink{true, 30, 40, now - 20s, ""}, now) ==
        "Centre : dernier envoi à l’instant");
  CHECK(client::central_link_text(CentralLink{false, 30, 40, now - 12min, ""}, now) ==
        "Centre : dernier envoi il y a 12 min");
  CHECK(client::central_link_text(CentralLink{false, 30, 40, now - 72h, ""}, now) ==
        "Centre : dernier envoi il y a 3 jours");
}

TEST_CASE("agent_console::ConsoleController shows the hub's link to the centre in its header") {
  {
    testing::TestHub hub;  // no [central]: nothing said about a centre
    hub.start();
    Console console(hub);
    REQUIRE(console.until([&] { return console.client->hub_time().has_value(); }));
    CHECK(console.view().central_text.empty());
  }
  testing::TestHub hub;
  hub::ShipperOptions central;  // a centre that never answers: nothing listens there
  auto pair = net::generate_key_pair("test", "agency");
  REQUIRE(pair.ok());
  central.endpoint = "tcp://127.0.0.1:9";
  central.central_public = pair->public_key;
  central.key = *pair;
  central.agency = "test";
  central.database = hub.database();
  central.timeout = 300ms;
  hub.set_central(central);
  hub.start();
  Console console(hub);
  REQUIRE(console.until([&] { return !console.view().central_text.empty(); }));
  CHECK(console.view().central_text == "Centre : pas encore joint");
  // `agent-console status` says it at length, from the snapshot.
  auto kiosk = hub.client("kiosk", false);
  REQUIRE(kiosk->request("take_ticket", {{"service", "C"}}).ok());
  std::ostringstream out, err;
  REQUIRE(agent_console::run_status_command(hub.client_options("agent"), std::nullopt, false, out,
                                            err) == 0);
  const std::string status = out.str();
  CHECK(status.find("Centre : pas encore joint · ") != std::string::npos);
  CHECK(status.find(" événements en attente d’envoi") != std::string::npos);
}
