import ArgumentParser
import LisaCLI

@main extension Lisa {}
