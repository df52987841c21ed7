import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.security.MessageDigest
import java.util.zip.GZIPInputStream

/**
 * speedscope's own page (the npm package's release files, which open from disk), to check that
 * it reads Trap's trace-event files as trace events. Taken from $TRAP_SPEEDSCOPE, or from the npm
 * registry once, checked against the package's published SHA-512, into a cache directory.
 */
class Speedscope {

  static final String VERSION = '1.25.0'
  static final String TARBALL = "https://registry.npmjs.org/speedscope/-/speedscope-${VERSION}.tgz"
  static final String SHA512 =
      'cpf9HWTZf1ijLXBJrk87Ve/54tnYx6rlf0gUThvn3ook6h63hLXVOQiMf44PT+XoV503cPfvfiT5gP5vojp6Ag=='

  /** @return the directory of speedscope's index.html */
  static File release(File cache) {
    String chosen = System.getenv('TRAP_SPEEDSCOPE')
    if (chosen) {
      return new File(chosen)
    }
    File home = new File(cache, "speedscope-${VERSION}")
    File release = new File(home, 'package/dist/release')
    if (new File(release, 'index.html').isFile()) {
      return release
    }
    HttpResponse<byte[]> response = HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NORMAL).build()
        .send(HttpRequest.newBuilder(URI.create(TARBALL)).build(),
            HttpResponse.BodyHandlers.ofByteArray())
    if (response.statusCode() != 200) {
      throw new IOException("${TARBALL} answered ${response.statusCode()}")
    }
    byte[] tarball = response.body()
    String digest = Base64.encoder.encodeToString(MessageDigest.getInstance('SHA-512').digest(tarball))
    if (digest != SHA512) {
      throw new IOException("${TARBALL} is not the published package: SHA-512 ${digest}")
    }
    File unpacking = new File(cache, "speedscope-${VERSION}.unpacking")
    unpacking.deleteDir()
    untar(new GZIPInputStream(new ByteArrayInputStream(tarball)), unpacking)
    home.deleteDir()
    if (!unpacking.renameTo(home)) {
      throw new IOException("Cannot move ${unpacking} to ${home}")
    }
    return release
  }

  /** The regular files of a tar stream: 512-byte headers, each followed by its data. */
  private static void untar(InputStream tar, File into) {
    DataInputStream in = new DataInputStream(tar)
    byte[] header = new byte[512]
    while (true) {
      in.readFully(header)
      if (header.every { it == 0 }) {
        return
      }
      String name = field(header, 0, 100)
      String prefix = field(header, 345, 155)
      long size = Long.parseLong(field(header, 124, 12).trim() ?: '0', 8)
      char type = (char) header[156]
      byte[] data = new byte[(int) size]
      in.readFully(data)
      in.skipBytes((int) ((512 - size % 512) % 512))
      String path = prefix ? "${prefix}/${name}" : name
      if ((type == '0' || type == (char) 0) && !path.contains('..')) {
        File file = new File(into, path)
        file.parentFile.mkdirs()
        file.bytes = data
      }
    }
  }

  private static String field(byte[] header, int offset, int length) {
    int end = offset
    while (end < offset + length && header[end] != 0) {
      end++
    }
    return new String(header, offset, end - offset, 'UTF-8')
  }

  /** Writes the loader speedscope's page takes in its address: the file as it is named. */
  static File loader(File trace, File into) {
    File script = new File(into, 'speedscope-profile.js')
    script.text = "speedscope.loadFileFromBase64(${groovy.json.JsonOutput.toJson(trace.name)}, " +
        "${groovy.json.JsonOutput.toJson(Base64.encoder.encodeToString(trace.bytes))})"
    return script
  }
}
