# Test media for core/media's tests, made at build time with the ffmpeg command line (tiny sizes,
# fast presets: each file takes well under a second). The files land in
# ${PROJECT_BINARY_DIR}/test-data/media, i.e. LMP_TEST_DATA_DIR "/media" in the tests.
# Defines the target lmp_test_media; include this file where letmepost-tests is defined.
find_program(LMP_FFMPEG ffmpeg REQUIRED)

set(LMP_TEST_MEDIA_DIR ${PROJECT_BINARY_DIR}/test-data/media)
file(MAKE_DIRECTORY ${LMP_TEST_MEDIA_DIR})
set(LMP_TEST_MEDIA_FILES)

# lmp_ffmpeg_media(NAME ARGS...): ${LMP_TEST_MEDIA_DIR}/NAME = ffmpeg ARGS... NAME.
function(lmp_ffmpeg_media name)
  set(out ${LMP_TEST_MEDIA_DIR}/${name})
  add_custom_command(OUTPUT ${out}
    COMMAND ${LMP_FFMPEG} -hide_banner -loglevel error -nostdin -y ${ARGN} ${out}
    DEPENDS ${CMAKE_CURRENT_FUNCTION_LIST_FILE}
    COMMENT "Generating test media ${name}"
    VERBATIM)
  set(LMP_TEST_MEDIA_FILES ${LMP_TEST_MEDIA_FILES} ${out} PARENT_SCOPE)
endfunction()

set(h264 -c:v libx264 -preset ultrafast -pix_fmt yuv420p)

# 288x512 (9:16), 5 s, H.264 + AAC, moving pattern; the first 0.5 s are black.
lmp_ffmpeg_media(tall.mp4
  -f lavfi -i "testsrc2=size=288x512:rate=25:duration=5,drawbox=x=0:y=0:w=iw:h=ih:color=black:t=fill:enable='lt(t,0.5)'"
  -f lavfi -i "sine=frequency=440:duration=5"
  ${h264} -c:a aac -b:a 32k -shortest)
# 480x160 (3:1, wider than Pinterest's 1.91:1), 5 s, H.264.
lmp_ffmpeg_media(wide.mp4 -f lavfi -i "testsrc2=size=480x160:rate=25:duration=5" ${h264})
# 240x320 (3:4), 2 s (under Pinterest's 4 s), H.264.
lmp_ffmpeg_media(short.mp4 -f lavfi -i "testsrc2=size=240x320:rate=25:duration=2" ${h264})
# 2 s of AAC only, in the M4A flavour of MP4.
lmp_ffmpeg_media(audio_only.m4a -f lavfi -i "sine=frequency=440:duration=2" -c:a aac -b:a 32k)
# 240x432, 4 s, H.265 (libx265, tagged hvc1 as Apple and Pinterest expect).
lmp_ffmpeg_media(hevc.mp4 -f lavfi -i "testsrc2=size=240x432:rate=25:duration=4"
  -c:v libx265 -preset ultrafast -x265-params log-level=error -tag:v hvc1 -pix_fmt yuv420p)
# 320x400 (4:5), 4 s, H.264 in a QuickTime MOV.
lmp_ffmpeg_media(clip.mov -f lavfi -i "testsrc2=size=320x400:rate=25:duration=4" ${h264} -f mov)
# 240x240 stored with 2:1 pixels: displayed 480x240. 4 s, H.264.
lmp_ffmpeg_media(anamorphic.mp4 -f lavfi -i "testsrc2=size=240x240:rate=25:duration=4,setsar=2/1"
  ${h264})
# 320x180 stored, display matrix "rotate 90 degrees clockwise": displayed 180x320. 4 s, H.264.
# ffmpeg 5.1 writes the rotate tag only when remuxing, hence two steps.
lmp_ffmpeg_media(rotated_stored.mp4 -f lavfi -i "testsrc2=size=320x180:rate=25:duration=4" ${h264})
lmp_ffmpeg_media(rotated.mp4 -i ${LMP_TEST_MEDIA_DIR}/rotated_stored.mp4 -c copy
  -metadata:s:v:0 rotate=90)
add_custom_command(OUTPUT ${LMP_TEST_MEDIA_DIR}/rotated.mp4 APPEND
  DEPENDS ${LMP_TEST_MEDIA_DIR}/rotated_stored.mp4)
# What the ffmpeg command line (which auto-rotates) shows of rotated.mp4 at 1 s: the reference.
lmp_ffmpeg_media(rotated_at1s.png -ss 1 -i ${LMP_TEST_MEDIA_DIR}/rotated.mp4 -frames:v 1
  -update 1)
add_custom_command(OUTPUT ${LMP_TEST_MEDIA_DIR}/rotated_at1s.png APPEND
  DEPENDS ${LMP_TEST_MEDIA_DIR}/rotated.mp4)

# Stills, 200x300 (2:3). The WebP's left half (x < 100) is fully transparent.
set(still -frames:v 1 -update 1)
lmp_ffmpeg_media(image.webp
  -f lavfi -i "testsrc2=size=200x300:rate=1:duration=1,format=yuva420p,geq=lum='lum(X,Y)':cb='cb(X,Y)':cr='cr(X,Y)':a='if(lt(X,100),0,255)'"
  ${still} -c:v libwebp)
lmp_ffmpeg_media(image.png -f lavfi -i "testsrc2=size=200x300:rate=1:duration=1" ${still}
  -pix_fmt rgb24)
lmp_ffmpeg_media(image.jpg -f lavfi -i "testsrc2=size=200x300:rate=1:duration=1" ${still}
  -pix_fmt yuvj420p)
lmp_ffmpeg_media(image.gif -f lavfi -i "testsrc2=size=64x48:rate=1:duration=1" ${still})
lmp_ffmpeg_media(image.bmp -f lavfi -i "testsrc2=size=64x48:rate=1:duration=1" ${still})
lmp_ffmpeg_media(image.tiff -f lavfi -i "testsrc2=size=64x48:rate=1:duration=1" ${still})

# Plain text that is no media format at all: fixed seed, so it is the same on every build.
string(RANDOM LENGTH 4096 RANDOM_SEED 20261128 lmp_not_media_text)
file(CONFIGURE OUTPUT ${CMAKE_CURRENT_BINARY_DIR}/not_media.bin.in
  CONTENT "${lmp_not_media_text}\n" @ONLY)
add_custom_command(OUTPUT ${LMP_TEST_MEDIA_DIR}/not_media.bin
  COMMAND ${CMAKE_COMMAND} -E copy ${CMAKE_CURRENT_BINARY_DIR}/not_media.bin.in
    ${LMP_TEST_MEDIA_DIR}/not_media.bin
  DEPENDS ${CMAKE_CURRENT_BINARY_DIR}/not_media.bin.in
  VERBATIM)
list(APPEND LMP_TEST_MEDIA_FILES ${LMP_TEST_MEDIA_DIR}/not_media.bin)

add_custom_target(lmp_test_media DEPENDS ${LMP_TEST_MEDIA_FILES})
