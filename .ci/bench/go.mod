module github.com/accordline/accordline/ci/bench

go 1.26.0

require (
	github.com/accordline/accordline v0.0.0
	github.com/arran4/golang-ical v0.3.4
	github.com/bytedance/sonic v1.15.5
	github.com/emersion/go-ical v0.0.0-20250329121855-f41e73efc392
	github.com/goccy/go-json v0.12.0
)

require (
	github.com/bytedance/gopkg v0.1.3 // indirect
	github.com/bytedance/sonic/loader v0.5.3 // indirect
	github.com/cloudwego/base64x v0.1.6 // indirect
	github.com/google/uuid v1.6.0 // indirect
	github.com/govalues/decimal v0.1.36 // indirect
	github.com/klauspost/cpuid/v2 v2.2.9 // indirect
	github.com/rickb777/date/v2 v2.1.8 // indirect
	github.com/rickb777/period v1.0.9 // indirect
	github.com/rickb777/plural v1.4.2 // indirect
	github.com/teambition/rrule-go v1.8.2 // indirect
	github.com/twitchyliquid64/golang-asm v0.15.1 // indirect
	golang.org/x/arch v0.0.0-20210923205945-b76863e36670 // indirect
	golang.org/x/sys v0.38.0 // indirect
	golang.org/x/text v0.44.0 // indirect
)

replace github.com/accordline/accordline => ../..
