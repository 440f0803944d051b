import Foundation

/// Where local state lives: `LISA_STATE_DIR`, else `$XDG_STATE_HOME/lisa`, else `~/.local/state/lisa`.
public enum StateLocation {
  public static let environmentVariable = "LISA_STATE_DIR"

  public static func directory(context: LisaContext) -> String {
    if let explicit = context.environment[environmentVariable], !explicit.isEmpty { return context.resolve(explicit) }
    // The XDG spec says relative values are invalid and must be ignored.
    if let xdg = context.environment["XDG_STATE_HOME"], xdg.hasPrefix("/") {
      return (xdg as NSString).appendingPathComponent("lisa")
    }
    return (context.homeDirectory as NSString).appendingPathComponent(".local/state/lisa")
  }
}
