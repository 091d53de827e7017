// CLI11 set-up; every usage error exits with status 2 and a one-line reason.
#include "app/cli.hpp"

#include <iostream>

#include <CLI/CLI.hpp>

#include "core/anatomy.hpp"
#include "core/camera.hpp"

namespace thecaview {

namespace {
std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
    return out;
}
}  // namespace

Command parse_command_line(int argc, const char* const* argv) {
    Command cmd;
    CLI::App app{"Thecaview: an educational 3D view of implanted intrathecal pain pumps.\n"
                 "For education only; it gives no medical advice.", "thecaview"};
    app.set_version_flag("--version", std::string("thecaview ") + THECAVIEW_VERSION);

    std::vector<std::string> views;
    for (const auto& v : named_views(build_anatomy())) views.push_back(v.name);

    auto* render = app.add_subcommand("render", "Render one frame off-screen into a PNG file");
    render->add_option("--out", cmd.render.out, "PNG file to write (overwritten)")->required();
    std::string size_text = "1280x720";
    render->add_option("--size", size_text, "Image size as WxH")
        ->check(CLI::Validator(
            [](std::string& s) {
                return parse_image_size(s) ? std::string() : "expected WxH with each side 1 to " +
                                                                 std::to_string(kMaxImageSide) + ", got '" + s + "'";
            },
            "WxH"))
        ->capture_default_str();
    render->add_option("--view", cmd.render.view, "Named view: " + join(views))
        ->check(CLI::IsMember(views))
        ->capture_default_str();
    render->add_flag("--ui", cmd.render.ui, "Draw the side panel into the image");
    render->add_option("--coverage", cmd.render.coverage, "Also write per-structure coverage as JSON");

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        cmd.kind = CommandKind::exit;
        cmd.exit_code = app.exit(e);
        return cmd;
    } catch (const CLI::CallForAllHelp& e) {
        cmd.kind = CommandKind::exit;
        cmd.exit_code = app.exit(e);
        return cmd;
    } catch (const CLI::CallForVersion& e) {
        cmd.kind = CommandKind::exit;
        cmd.exit_code = app.exit(e);
        return cmd;
    } catch (const CLI::ParseError& e) {
        std::cerr << (render->parsed() ? render->help() : app.help()) << "\nthecaview: " << e.what() << "\n";
        cmd.kind = CommandKind::exit;
        cmd.exit_code = 2;
        return cmd;
    }
    if (render->parsed()) {
        cmd.kind = CommandKind::render;
        cmd.render.size = *parse_image_size(size_text);
    }
    return cmd;
}

}  // namespace thecaview
