import AtelierCore
import Foundation

/// What a rate limit counts. Reading is never limited: it is cheap, and a room reloading its
/// pages must never be refused.
public enum LimitedAction: String, Sendable, CaseIterable {
    /// Posting, editing, withdrawing or hiding a contribution.
    case write
    /// Voting, changing or retracting a vote, endorsing.
    case vote
    /// A wrong personal code at `/entrer`: only failures count, so a room arriving at once is never slowed.
    case signIn = "signin"
    /// A briefing or its data: CPU work on the compute pool.
    case export
}

/// Whose bucket: a participant's (their tokens and page sessions together, so a script cannot
/// multiply its allowance by signing in again) or a client address's.
public enum LimitScope: String, Sendable, CaseIterable {
    case participant
    case address
}

/// The rate limits and who may tell us a client's address. The defaults are sized for the
/// congress day (README, "Rate limits"): a room of 270 behind one NAT address never meets them,
/// a script does.
public struct RateLimitSettings: Sendable {
    /// nil: not limited in that scope.
    public var sizes: [LimitScope: [LimitedAction: TokenBucket.Size]]
    /// Peers whose `X-Forwarded-For` is believed: the reverse proxies we run.
    public var trustedProxies: Set<String>
    /// Beyond this many live buckets, full ones are forgotten, then the longest idle.
    public var maximumBuckets: Int
    /// Seconds on a monotonic clock; tests turn it by hand.
    public var now: @Sendable () -> Double

    public init(
        sizes: [LimitScope: [LimitedAction: TokenBucket.Size]] = Self.defaultSizes, trustedProxies: Set<String> = [],
        maximumBuckets: Int = 50_000, now: @escaping @Sendable () -> Double = Self.monotonicSeconds
    ) {
        self.sizes = sizes
        self.trustedProxies = trustedProxies
        self.maximumBuckets = maximumBuckets
        self.now = now
    }

    public static let defaultSizes: [LimitScope: [LimitedAction: TokenBucket.Size]] = [
        .participant: [
            .write: .perMinute(burst: 20, 10),
            .vote: .perMinute(burst: 60, 60),
            .export: .perMinute(burst: 30, 10),
        ],
        .address: [
            .write: .perMinute(burst: 300, 600),
            .vote: .perMinute(burst: 1_000, 6_000),
            .signIn: .perMinute(burst: 60, 6),
            .export: .perMinute(burst: 60, 30),
        ],
    ]

    /// No limit at all, for tests whose subject is something else.
    public static let unlimited = RateLimitSettings(sizes: [:])

    public static func monotonicSeconds() -> Double {
        (ContinuousClock.now - started) / .seconds(1)
    }

    private static let started = ContinuousClock.now

    /// The defaults, each replaced by `ATELIER_LIMIT_<ACTION>_<SCOPE>` when set: `BURST/PER_MINUTE`
    /// (`60/60`) or `off`. `ATELIER_TRUSTED_PROXIES` lists the proxies' addresses, comma-separated.
    /// `ATELIER_RATE_LIMITS=off` lifts them all: for load tools that play a day in minutes.
    public static func fromEnvironment(_ environment: [String: String], trustedProxies extra: Set<String> = []) throws -> RateLimitSettings {
        var settings = RateLimitSettings()
        if environment["ATELIER_RATE_LIMITS"] == "off" { settings.sizes = [:] }
        for scope in LimitScope.allCases {
            for action in LimitedAction.allCases {
                let name = "ATELIER_LIMIT_\(action.rawValue.uppercased())_\(scope.rawValue.uppercased())"
                guard let value = environment[name]?.trimmingCharacters(in: .whitespaces) else { continue }
                settings.sizes[scope, default: [:]][action] = try size(value, name: name)
            }
        }
        let listed = (environment["ATELIER_TRUSTED_PROXIES"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        settings.trustedProxies = extra.union(listed.filter { !$0.isEmpty })
        return settings
    }

    static func size(_ value: String, name: String) throws -> TokenBucket.Size? {
        if value == "off" { return nil }
        let parts = value.split(separator: "/").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, let burst = parts[0], let perMinute = parts[1], burst >= 1, perMinute >= 1 else {
            throw RateLimitSettingsError(message: "\(name) must be BURST/PER_MINUTE (two whole numbers of 1 or more) or off, not \"\(value)\"")
        }
        return .perMinute(burst: burst, perMinute)
    }
}

public struct RateLimitSettingsError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

extension TokenBucket.Size {
    static func perMinute(burst: Int, _ perMinute: Int) -> TokenBucket.Size {
        TokenBucket.Size(burst: Double(burst), perSecond: Double(perMinute) / 60)
    }
}
