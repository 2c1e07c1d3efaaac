#include "kiosk/page_text.h"

#include "text/catalog.h"

namespace pcn::kiosk {
namespace {

void add(std::vector<PageLine>& lines, LineStyle style, const std::string& text) {
  if (!text.empty()) lines.push_back(PageLine{style, text});
}

PageText confirmation(const KioskView& view) {
  PageText page;
  add(page.before, LineStyle::heading, text::kiosk_your_ticket());
  page.number = view.ticket_label;
  if (view.ticket_priority) add(page.after, LineStyle::priority, text::kiosk_priority_ticket());
  add(page.after, LineStyle::service, view.ticket_service);
  add(page.after, LineStyle::body, text::kiosk_people_ahead(view.ahead));
  if (!view.wait_text.empty()) add(page.after, LineStyle::body, view.wait_text);
  add(page.after, LineStyle::emphasis, text::kiosk_keep_ticket());
  page.footer = text::kiosk_touch_to_return();
  return page;
}

PageText print_failed(const KioskView& view) {
  PageText page;
  add(page.before, LineStyle::alert, text::kiosk_note_number());
  page.number = view.ticket_label;
  if (view.ticket_priority) add(page.after, LineStyle::priority, text::kiosk_priority_ticket());
  add(page.after, LineStyle::service, view.ticket_service);
  // Nothing technical here: the reason goes to the log and to the agents.
  add(page.after, LineStyle::emphasis, text::kiosk_agent_warned_call());
  page.footer = text::kiosk_touch_when_noted();
  return page;
}

PageText message(const std::string& heading, const std::string& detail) {
  PageText page;
  add(page.before, LineStyle::message, heading);
  add(page.before, LineStyle::detail, detail);
  return page;
}

}  // namespace

PageText page_text(const KioskView& view) {
  switch (view.page) {
    case Page::confirmation:
      return confirmation(view);
    case Page::print_failed:
      return print_failed(view);
    case Page::closed:
      return message(text::kiosk_closed_message(), view.detail);
    case Page::unreachable:
      return message(text::kiosk_unreachable_message(), view.detail);
    case Page::home:
    case Page::staff_pin:
    case Page::staff:
      break;
  }
  return {};
}

}  // namespace pcn::kiosk
