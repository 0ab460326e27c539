using SocketCourse.Tool;

// The course's front door. Parsing and --help come from System.CommandLine; every command's expected problems
// (unknown lesson, no SDK, build errors) are reported plainly with a non-zero exit code (see CourseCli.Run).
Console.OutputEncoding = System.Text.Encoding.UTF8;
return await CourseCli.Build(CourseContext.ForTerminal).Parse(args).InvokeAsync();
