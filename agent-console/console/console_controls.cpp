#include "console/console_controls.h"

#include <utility>

#include "text/catalog.h"

namespace pcn::console {
namespace {

Button make(Control control, std::string label, std::string shortcut, bool enabled = true) {
  Button b;
  b.control = control;
  b.label = std::move(label);
  b.shortcut = std::move(shortcut);
  b.enabled = enabled;
  return b;
}

void counter_page(const ConsoleView& v, std::vector<Button>& out) {
  const bool free = !v.busy;
  const bool serving = v.serving.has_value();
  out.push_back(make(Control::call_next, text::console_button_call_next(),
                     text::console_key_space_or_enter(), free && !v.paused));
  out.push_back(make(Control::finish, text::console_button_finish(), "T", free && serving));
  out.push_back(make(Control::recall, text::console_button_recall(), "R", free && serving));
  out.push_back(make(Control::no_show, text::console_button_no_show(), "A", free && serving));
  out.push_back(make(Control::transfer, text::console_button_transfer(), "V", free && serving));
  out.push_back(
      make(Control::call_number, text::console_button_call_number(), "N", free && !v.paused));
  if (v.paused) {
    out.push_back(make(Control::resume, text::console_button_resume(), "P", free));
  } else {
    out.push_back(make(Control::pause, text::console_button_pause(), "P", free && !serving));
  }
  out.push_back(make(Control::statistics, text::console_button_statistics(), "S"));
  out.push_back(make(Control::reprint_number, text::console_button_reprint_number(), "I", free));
  if (v.unprinted.size() == 1) {
    out.push_back(make(Control::reprint, text::console_button_reprint(), "", free));
  } else if (v.unprinted.size() > 1) {
    out.push_back(make(Control::show_unprinted, text::console_button_show_unprinted(), "L"));
  }
  for (std::size_t i = 0; i < v.services.size(); ++i) {
    Button b = make(Control::toggle_service, v.services[i].label, "", free);
    b.index = i;
    b.selected = v.services[i].served;
    out.push_back(b);
  }
}

void setup_page(const ConsoleView& v, std::vector<Button>& out) {
  for (std::size_t i = 0; i < v.counters.size(); ++i) {
    Button b = make(Control::choose_counter, v.counters[i].label,
                    i < 9 ? "F" + std::to_string(i + 1) : "");
    b.index = i;
    b.selected = v.chosen_counter == i;
    out.push_back(b);
  }
  out.push_back(make(Control::start, text::console_button_start(), text::console_key_enter()));
  if (v.setup_cancellable) {
    out.push_back(make(Control::cancel, text::console_button_cancel(), text::console_key_escape()));
  }
}

void transfer_dialog(const ConsoleView& v, std::vector<Button>& out) {
  for (std::size_t i = 0; i < v.services.size(); ++i) {
    const ServiceRow& s = v.services[i];
    bool own = v.serving && v.serving->service_prefix == s.prefix;
    Button b = make(Control::pick_service, s.label, std::string(1, s.prefix), !v.busy && !own);
    b.index = i;
    out.push_back(b);
  }
  out.push_back(make(Control::cancel, text::console_button_cancel(), text::console_key_escape()));
}

void number_dialog(const ConsoleView& v, std::vector<Button>& out) {
  std::string confirm = v.page == Page::reprint_number ? text::console_button_reprint()
                                                       : text::console_button_call();
  if (v.page == Page::outcome_number) confirm = text::console_button_open_outcome();
  out.push_back(make(Control::confirm, confirm, text::console_key_enter(),
                     !v.busy && !v.number_input.empty()));
  out.push_back(make(Control::cancel, text::console_button_cancel(), text::console_key_escape()));
}

void unprinted_page(const ConsoleView& v, std::vector<Button>& out) {
  const std::size_t count = v.unprinted.size();
  for (std::size_t k = 0; k < kUnprintedPerPage && v.unprinted_first + k < count; ++k) {
    Button b = make(Control::reprint, text::console_button_reprint(), std::to_string(k + 1),
                    !v.busy);
    b.index = v.unprinted_first + k;
    out.push_back(b);
  }
  out.push_back(make(Control::previous_page, text::console_button_previous(), "\u2190",
                     v.unprinted_first > 0));
  out.push_back(make(Control::next_page, text::console_button_next(), "\u2192",
                     v.unprinted_first + kUnprintedPerPage < count));
  out.push_back(make(Control::reprint_number, text::console_button_reprint_number(), "I",
                     !v.busy));
  out.push_back(make(Control::cancel, text::console_button_back(), text::console_key_escape()));
}

/// The key printed on the focused line's choice `k`: 1…9, then 0 for the tenth.
std::string digit_of(std::size_t k) {
  if (k < 9) return std::to_string(k + 1);
  return k == 9 ? "0" : "";
}

void form_page(const ConsoleView& v, std::vector<Button>& out) {
  for (std::size_t line = 0; line < v.form_rows.size(); ++line) {
    const FormRow& row = v.form_rows[line];
    Button title = make(Control::form_line, row.title,
                        line < 11 ? "F" + std::to_string(line + 1) : "");
    title.index = line;
    title.selected = line == v.form_focus;
    out.push_back(title);
    for (std::size_t k = 0; k < row.choices.size() && k < kChoiceStride; ++k) {
      Button b = make(Control::form_choice, row.choices[k].label,
                      line == v.form_focus ? digit_of(k) : "", !v.busy);
      b.index = choice_index(line, k);
      b.selected = row.choices[k].chosen;
      out.push_back(b);
    }
  }
  if (v.page == Page::workshop) {
    out.push_back(make(Control::participants_less, "\u2212", "-", !v.busy));
    out.push_back(make(Control::participants_more, "+", "+", !v.busy));
    out.push_back(make(Control::minutes_less, "\u2212", "\u2190", !v.busy));
    out.push_back(make(Control::minutes_more, "+", "\u2192", !v.busy));
  }
  if (v.form_can_skip) out.push_back(make(Control::skip, text::console_button_skip(), "F12", !v.busy));
  out.push_back(make(Control::cancel, text::console_button_back(), text::console_key_escape()));
  out.push_back(make(Control::confirm, text::console_button_validate(), text::console_key_enter(),
                     !v.busy && v.form_ready));
}

}  // namespace

bool takes_text(Page page) {
  return page == Page::setup || page == Page::call_number || page == Page::reprint_number ||
         page == Page::outcome_number;
}

std::vector<Button> buttons(const ConsoleView& view) {
  std::vector<Button> out;
  switch (view.page) {
    case Page::setup:
      setup_page(view, out);
      break;
    case Page::counter:
      counter_page(view, out);
      out.push_back(make(Control::change_setup, text::console_button_change(), "F2"));
      break;
    case Page::transfer:
      transfer_dialog(view, out);
      break;
    case Page::call_number:
    case Page::reprint_number:
    case Page::outcome_number:
      number_dialog(view, out);
      break;
    case Page::outcome:
    case Page::workshop:
      form_page(view, out);
      break;
    case Page::unprinted:
      unprinted_page(view, out);
      break;
    case Page::statistics:
      out.push_back(
          make(Control::correct_outcome, text::console_button_correct_outcome(), "C", !view.busy));
      out.push_back(make(Control::workshop, text::console_button_workshop(), "A", !view.busy));
      out.push_back(make(Control::cancel, text::console_button_back(), text::console_key_escape()));
      break;
  }
  return out;
}

const Button* find_button(const std::vector<Button>& all, Control control, std::size_t index) {
  for (const Button& b : all) {
    if (b.control == control && b.index == index) return &b;
  }
  return nullptr;
}

}  // namespace pcn::console
