# icalendar-gem-check: reads each iCalendar file with the Ruby icalendar
# gem (Debian's ruby-icalendar, 2.8) in its strict mode, and reads every
# VEVENT's DTSTART and DTEND as times, which computes their offsets from
# the calendar's VTIMEZONEs: where the gem's zone code fails (it did on
# VTIMEZONEs of dated observances only, for events before a later one),
# the file fails. Prints "OK   FILE (N VEVENTs)" or "FAIL FILE: reason".
#
# Usage: ruby icalendar-gem-check.rb FILE.ics...
require "icalendar"

failed = false
ARGV.each do |path|
  begin
    cals = File.open(path, "r:UTF-8") { |f| Icalendar::Parser.new(f, true).parse }
    raise "no VCALENDAR" if cals.empty?
    n = 0
    cals.each do |cal|
      cal.events.each do |ev|
        [ev.dtstart, ev.dtend].compact.each do |t|
          t.to_time
          t.utc_offset if t.respond_to?(:utc_offset)
        end
        n += 1
      end
    end
    puts "OK   #{path} (#{n} VEVENTs)"
  rescue StandardError => e
    puts "FAIL #{path}: #{e.class}: #{e.message.lines.first}"
    failed = true
  end
end
exit(failed ? 1 : 0)
